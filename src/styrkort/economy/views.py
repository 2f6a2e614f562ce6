"""The economy and staff page of a unit in a round: tables, and charts with their data beside them;
the unit's action plan for a balanced economy is written here."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from styrkort.core.forms import add_errors, with_version
from styrkort.core.page_cache import cached_page
from styrkort.core.versions import CONTENT, FOLLOWUP
from styrkort.followup.rules import may_report_for_unit
from styrkort.followup.shortcuts import get_round_and_unit

from . import report_charts, services
from .forms import SavingsMeasureForm
from .report import SavingsRow, economy_report
from .rules import may_import_economy


def _page(request, followup_round, unit, *, new_form=None, edited=None, status=200):
    """edited: (pk, form) of a measure whose posted change was refused. A measure's edit form is made
    only when asked for (?andra=pk), not one for every measure on every view of the page."""
    report = economy_report(round=followup_round, unit=unit)
    may_edit = followup_round.is_open and may_report_for_unit(request.user, followup_round, unit)
    asked = request.GET.get("andra", "")
    editing = edited[0] if edited else int(asked) if asked.isdigit() else None
    edit_form = None
    # an open round's report is live: its measures are the rows as stored
    measure = next((m for m in report.savings if m.pk == editing), None) if may_edit else None
    if measure is not None:
        form = edited[1] if edited else SavingsMeasureForm(initial=_initial(measure), prefix=f"s{measure.pk}")
        edit_form = (measure, form)
    context = {
        "round": followup_round,
        "unit": unit,
        "report": report,
        "result_chart": report_charts.department_results_chart(report),
        "sick_leave_chart": report_charts.sick_leave_chart(report),
        "may_import": may_import_economy(request.user, followup_round),
        "may_edit": may_edit,
        "new_form": new_form or SavingsMeasureForm(prefix="new"),
        "edit_form": edit_form,
    }
    return render(request, "economy/economy_page.html", context, status=status)


def _initial(measure: SavingsRow) -> dict:
    from .formatting import format_mnkr

    return {
        "version": measure.version,
        "measure": measure.measure,
        "timeline": measure.timeline,
        "owner": measure.owner,
        "estimated_effect": ""
        if measure.estimated_effect is None
        else format_mnkr(measure.estimated_effect, None),
        "realised_effect": ""
        if measure.realised_effect is None
        else format_mnkr(measure.realised_effect, None),
        "comment": measure.comment,
    }


@login_required
@cached_page(CONTENT, FOLLOWUP)
def economy_page(request, code: str, unit_code: str):
    followup_round, unit = get_round_and_unit(code, unit_code)
    return _page(request, followup_round, unit)


@login_required
@require_POST
def savings_measure_save(request, code: str, unit_code: str):
    """Add a measure (no `pk`) or change one; a bad value shows the page again with the form's errors."""
    followup_round, unit = get_round_and_unit(code, unit_code)
    pk = request.POST.get("pk")
    pk = int(pk) if pk and pk.isdigit() else None
    form = SavingsMeasureForm(request.POST, prefix=f"s{pk}" if pk else "new")
    if form.is_valid():
        try:
            services.savings_measure_save(
                user=request.user, round=followup_round, unit=unit, pk=pk, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        except services.MeasureChanged as error:
            form = with_version(form, error.current.version)
            form.add_error(None, str(error))
        except services.MeasureGone as error:
            messages.error(request, str(error))
            return redirect(reverse("economy:page", args=[code, unit_code]) + "#savings")
        else:
            messages.success(request, _("The measure was saved."))
            return redirect(reverse("economy:page", args=[code, unit_code]) + "#savings")
    if pk:
        return _page(request, followup_round, unit, edited=(pk, form), status=422)
    return _page(request, followup_round, unit, new_form=form, status=422)


@login_required
@require_POST
def savings_measure_delete(request, code: str, unit_code: str, pk: int):
    followup_round, unit = get_round_and_unit(code, unit_code)
    try:
        services.savings_measure_delete(user=request.user, round=followup_round, unit=unit, pk=pk)
    except services.MeasureGone as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The measure was removed."))
    return redirect(reverse("economy:page", args=[code, unit_code]) + "#savings")
