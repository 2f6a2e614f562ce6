from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Action,
    Assignment,
    Breakdown,
    BreakdownBaseline,
    Goal,
    GoalArea,
    Indicator,
    Perspective,
    Plan,
    Target,
)


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "kind", "owner", "start_year", "end_year", "state"]
    list_filter = ["kind", "state"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["owner", "parent", "decided_by"]


@admin.register(Perspective)
class PerspectiveAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "plan", "order"]


@admin.register(GoalArea)
class GoalAreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "plan", "perspective", "order"]
    search_fields = ["name", "code"]
    filter_horizontal = ["documents"]


@admin.register(Goal)
class GoalAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "kind", "plan", "area", "unit"]
    list_filter = ["kind", "plan"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["plan", "area", "unit", "parent"]


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


class BreakdownBaselineInline(admin.TabularInline):
    model = BreakdownBaseline
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "goal", "unit_of_measure", "direction", "frequency"]
    list_filter = ["direction", "frequency"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["goal"]
    filter_horizontal = ["breakdowns"]
    inlines = [BreakdownBaselineInline, TargetInline]


@admin.register(Breakdown)
class BreakdownAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]


@admin.register(Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["number", "plan", "receiver", "timeline_kind", "added_during_year"]
    list_filter = ["plan", "added_during_year"]
    search_fields = ["text", "number"]
    autocomplete_fields = ["plan", "issuer", "receiver", "area", "goal"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "plan", "timeline_kind", "timeline_start_year", "timeline_end_year"]
    list_filter = ["plan"]
    search_fields = ["code", "text"]
    autocomplete_fields = ["plan", "goal", "area", "assignment", "parent", "units"]
