"""Test settings: the real settings, made cheaper (hasher, mail, media)."""

import os
import tempfile

os.environ.setdefault("STYRKORT_SECRET_KEY", "tests-only-secret-" + "k3y-" * 10)

from styrkort.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="styrkort-test-media-")
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "CRITICAL"}}
STATIC_ROOT = tempfile.mkdtemp(prefix="styrkort-test-static-")  # served through the finders in tests
WHITENOISE_USE_FINDERS = True
# Background work runs at once, in the test's transaction; tests/exchange/test_background_imports.py
# runs the real database queue and worker as well.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# No cache between tests: each restores its own database, and a page kept from another test would
# be wrong. tests/portal/test_cache.py turns a real one on.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
