"""Back office for follow-up. Rounds are set up here; what is reported in them is read-only here,
because every report goes through followup/services.py (open round, scope, permission, version)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    ActionReport,
    FollowUpRound,
    GoalAssessment,
    IndicatorAssessment,
    Measurement,
    Narrative,
    Reminder,
    RoundEvent,
)


@admin.register(FollowUpRound)
class FollowUpRoundAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "kind", "as_of", "deadline", "closed_at"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["plans", "units"]
    readonly_fields = ["closed_at", "closed_by"]
    exclude = ["snapshot"]

    def has_change_permission(self, request, obj=None):
        # A closed round is history: reopen it through the follow-up pages, with a reason.
        return super().has_change_permission(request, obj) and (obj is None or obj.is_open)


class ReadOnly:
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(ReadOnly, SimpleHistoryAdmin):
    pass


@admin.register(ActionReport)
class ActionReportAdmin(ReadOnlyAdmin):
    list_display = ["action", "round", "status", "colour", "reported_by", "reported_at"]
    list_filter = ["round", "status", "colour"]
    list_select_related = ["action", "round", "reported_by"]


@admin.register(Measurement)
class MeasurementAdmin(ReadOnlyAdmin):
    list_display = ["indicator", "breakdown", "period", "value", "missing", "round"]
    list_filter = ["period", "round"]
    list_select_related = ["indicator", "breakdown", "round"]


@admin.register(IndicatorAssessment)
class IndicatorAssessmentAdmin(ReadOnlyAdmin):
    list_display = ["indicator", "round", "status", "trend", "reason"]


@admin.register(GoalAssessment)
class GoalAssessmentAdmin(ReadOnlyAdmin):
    list_display = ["goal", "round", "colour"]


@admin.register(Narrative)
class NarrativeAdmin(ReadOnlyAdmin):
    list_display = ["unit", "round", "section"]


@admin.register(RoundEvent)
class RoundEventAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["round", "kind", "by", "at", "reason"]


@admin.register(Reminder)
class ReminderAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["round", "user", "sent_at"]
