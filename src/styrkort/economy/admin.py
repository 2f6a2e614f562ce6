"""Back office: the income statement's lines and the account mapping are set up here (or imported
with the Kontoplan table); the figures themselves come from imports and are read-only here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AccountMapping, Investment, LedgerEntry, SavingsMeasure, StaffFigure, StatementLine


class AccountMappingInline(admin.TabularInline):
    model = AccountMapping
    extra = 1


@admin.register(StatementLine)
class StatementLineAdmin(SimpleHistoryAdmin):
    list_display = ["name", "section", "order", "prefixes"]
    list_filter = ["section"]
    list_editable = ["order"]
    inlines = [AccountMappingInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("accounts")

    @admin.display(description="Konton")
    def prefixes(self, line):
        return ", ".join(account.prefix for account in line.accounts.all())


@admin.register(AccountMapping)
class AccountMappingAdmin(SimpleHistoryAdmin):
    list_display = ["prefix", "line"]
    list_select_related = ["line"]
    search_fields = ["prefix", "line__name"]


class ImportedOnly:
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ImportedOnly, SimpleHistoryAdmin):
    list_display = ["unit", "year", "month", "kind", "account", "total", "amount"]
    list_filter = ["kind", "year"]
    list_select_related = ["unit"]
    search_fields = ["account", "unit__code"]


@admin.register(StaffFigure)
class StaffFigureAdmin(ImportedOnly, SimpleHistoryAdmin):
    list_display = ["unit", "year", "month", "measure", "breakdown", "value"]
    list_filter = ["measure", "year"]
    list_select_related = ["unit"]


@admin.register(Investment)
class InvestmentAdmin(ImportedOnly, SimpleHistoryAdmin):
    list_display = ["unit", "year", "project", "budget", "outcome", "remaining"]
    list_select_related = ["unit"]


@admin.register(SavingsMeasure)
class SavingsMeasureAdmin(ImportedOnly, SimpleHistoryAdmin):
    list_display = ["round", "unit", "measure", "timeline", "estimated_effect", "realised_effect"]
    list_select_related = ["round", "unit"]
