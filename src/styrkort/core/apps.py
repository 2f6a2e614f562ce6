from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "styrkort.core"
    label = "core"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .middleware import session_started

        user_logged_in.connect(session_started, dispatch_uid="styrkort-session-started")
