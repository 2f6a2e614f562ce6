from django import forms
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from styrkort.core.fields import FREE_TEXT_MAX
from styrkort.core.numbers import NumberError, parse_quantity
from styrkort.org.models import Unit
from styrkort.plans.forms import ActionFilterForm
from styrkort.plans.models import Plan

from .action_list import NOT_REPORTED, filter_by_follow_up
from .enums import ActionStatus, Colour, NarrativeSection, ReportContent, RoundKind
from .models import FollowUpRound
from .status import IndicatorStatus, Trend


class ActionReportForm(forms.Form):
    # Both optional here: what a report must hold depends on its round (followup/status.py).
    status = forms.ChoiceField(label=_("Status"), choices=[("", "–"), *ActionStatus.choices], required=False)
    colour = forms.ChoiceField(label=_("Assessment"), choices=[("", "–"), *Colour.choices], required=False)
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=FREE_TEXT_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    deviation = forms.CharField(
        label=_("Deviation"),
        required=False,
        max_length=FREE_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What differs from the plan, and what is done about it."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def clean_status(self):
        # A card marked both "pågår" and "klart" is what the seeds show going wrong; refuse it.
        if hasattr(self.data, "getlist") and len(self.data.getlist(self.add_prefix("status"))) > 1:
            raise forms.ValidationError(_("Give one status, not several."))
        return self.cleaned_data["status"]


class MeasurementForm(forms.Form):
    """One period's values for an indicator: the total and each breakdown, as the reporter types them."""

    period = forms.IntegerField(label=_("Measurement period (year)"), min_value=1900, max_value=2200)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)
    source = forms.CharField(label=_("Source"), required=False, max_length=200)
    # The period the form was opened on and each value's version then: a colleague's later save of the
    # same values is not overwritten in silence (followup/services.py StaleEdit).
    shown_period = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, indicator, breakdowns: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.breakdowns = breakdowns  # [None (total), Breakdown, ...]
        for index, breakdown in enumerate(breakdowns):
            name = breakdown.name if breakdown else _("Total")
            self.fields[f"value_{index}"] = forms.CharField(
                label=_("Value, %(breakdown)s") % {"breakdown": name}, required=False, max_length=40
            )
            self.fields[f"missing_{index}"] = forms.BooleanField(
                label=_("Data missing, %(breakdown)s") % {"breakdown": name}, required=False
            )
            self.fields[f"version_{index}"] = forms.IntegerField(
                widget=forms.HiddenInput, required=False, min_value=0
            )

    def clean(self):
        data = super().clean()
        values = []
        for index, breakdown in enumerate(self.breakdowns):
            text, missing = data.get(f"value_{index}", "").strip(), data.get(f"missing_{index}")
            if missing and text:
                self.add_error(f"value_{index}", _("Give a value or mark the data as missing, not both."))
            elif text:
                try:
                    values.append((breakdown, parse_quantity(text, self.indicator.unit_of_measure), False))
                except NumberError as error:
                    self.add_error(f"value_{index}", str(error))
            elif missing:
                values.append((breakdown, None, True))
        data["values"] = values
        # A value of another period than the one shown was not seen: no version to hold it to.
        same_period = data.get("period") is not None and data.get("period") == data.get("shown_period")
        data["versions"] = {
            breakdown.pk if breakdown else None: data.get(f"version_{index}") if same_period else None
            for index, breakdown in enumerate(self.breakdowns)
        }
        return data

    def versions(self):
        """The hidden version fields, for the template."""
        return [self["shown_period"], *(self[f"version_{i}"] for i in range(len(self.breakdowns)))]

    def rows(self):
        """(breakdown name, value field, missing field) for the template."""
        return [
            (b.name if b else _("Total"), self[f"value_{i}"], self[f"missing_{i}"])
            for i, b in enumerate(self.breakdowns)
        ]


class IndicatorAssessmentForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status instead of the computed one"),
        required=False,
        choices=[("", _("computed")), *IndicatorStatus.choices],
    )
    trend = forms.ChoiceField(
        label=_("Trend instead of the computed one"),
        required=False,
        choices=[("", _("computed")), *Trend.choices],
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=FREE_TEXT_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        if (data.get("status") or data.get("trend")) and not data.get("reason", "").strip():
            self.add_error("reason", _("Say why the computed status or trend is replaced."))
        return data


class GoalAssessmentForm(forms.Form):
    colour = forms.ChoiceField(label=_("Assessment"), choices=[("", "–"), *Colour.choices])
    analysis = forms.CharField(
        label=_("Analysis"),
        required=False,
        max_length=FREE_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class AssignmentReportForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), max_length=FREE_TEXT_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class NarrativeForm(forms.Form):
    section = forms.ChoiceField(choices=NarrativeSection.choices, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Text"), required=False, max_length=FREE_TEXT_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the round reopened?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class CompareForm(forms.Form):
    before = forms.ModelChoiceField(
        label=_("Earlier round"), queryset=FollowUpRound.objects.all(), to_field_name="code"
    )
    after = forms.ModelChoiceField(
        label=_("Later round"), queryset=FollowUpRound.objects.all(), to_field_name="code"
    )

    def clean(self):
        data = super().clean()
        before, after = data.get("before"), data.get("after")
        if before and after and (before.as_of, before.pk) >= (after.as_of, after.pk):
            raise forms.ValidationError(
                _("%(before)s is not earlier than %(after)s: choose the earlier round first.")
                % {"before": before.name, "after": after.name}
            )
        return data


class CodeChecklist(forms.Widget):
    """Plans or units picked from a list of checkboxes (with a filter box, styrkort.js), or typed as
    codes separated by semicolons: both arrive as one "A; B" value."""

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name, "")]
        return "; ".join(v for v in values if v)


class RoundForm(forms.Form):
    """A new follow-up round; plans and units picked from lists, or by their codes."""

    code = forms.CharField(label=_("Code"), max_length=40, help_text=_("E.g. DR2-2024-RUF."))
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=RoundKind.choices)
    asks_for = forms.ChoiceField(
        label=_("Each action report holds"),
        choices=ReportContent.choices,
        initial=ReportContent.STATUS_AND_ASSESSMENT,
        required=False,
    )
    asks_deviation = forms.BooleanField(
        label=_("A deviation is required for yellow and red"),
        required=False,
        initial=True,
        help_text=_("Off for documents that write the deviation in the comment."),
    )
    as_of = forms.DateField(label=_("As of"), help_text=_("The date the report describes, e.g. 2024-08-31."))
    deadline = forms.DateField(label=_("Deadline"))
    plans = forms.CharField(
        label=_("Plans"), help_text=_("The plans whose actions are followed up."), widget=CodeChecklist
    )
    units = forms.CharField(
        label=_("Reporting units"), help_text=_("The units below them report too."), widget=CodeChecklist
    )
    treated_by = forms.CharField(
        label=_("Treated by"),
        required=False,
        max_length=40,
        help_text=_("The code of the body whose meeting treats the report, e.g. RUN; for its cover."),
    )
    treated_on = forms.DateField(label=_("Meeting date"), required=False)
    diary_number = forms.CharField(label=_("Diary number"), required=False, max_length=60)

    def checked(self, field: str) -> set[str]:
        """The codes now chosen in `field`, in upper case, to tick their boxes again."""
        value = self[field].value() or ""
        return {code.strip().upper() for code in value.split(";") if code.strip()}

    def choices(self, model) -> list[tuple[str, str]]:
        return list(model.objects.order_by("code").values_list("code", "name"))

    def _by_codes(self, field: str, model, message: str) -> list:
        codes = [c.strip() for c in self.cleaned_data[field].split(";") if c.strip()]
        if not codes:
            raise forms.ValidationError(_("Choose at least one."))
        # Codes are found whatever their case: "ruf-2023" is RUF-2023.
        found = {
            obj.code.upper(): obj
            for obj in model.objects.annotate(upper=Upper("code")).filter(
                upper__in=[c.upper() for c in codes]
            )
        }
        missing = [c for c in codes if c.upper() not in found]
        if missing:
            raise forms.ValidationError(message % {"codes": ", ".join(missing)})
        return list({found[c.upper()].pk: found[c.upper()] for c in codes}.values())

    def clean_asks_for(self):
        return self.cleaned_data["asks_for"] or ReportContent.STATUS_AND_ASSESSMENT

    def clean_plans(self):
        return self._by_codes("plans", Plan, _("No plan has the code %(codes)s."))

    def clean_units(self):
        return self._by_codes("units", Unit, _("No unit has the code %(codes)s."))

    def clean_treated_by(self):
        code = self.cleaned_data["treated_by"].strip()
        if not code:
            return None
        return self._by_codes("treated_by", Unit, _("No unit has the code %(codes)s."))[0]


class ActionListForm(ActionFilterForm):
    """The action list's filters: the plan's (text, plan, goal area, unit, year) and the follow-up's."""

    round = forms.ModelChoiceField(
        label=_("Follow-up round"),
        queryset=FollowUpRound.objects.order_by("-as_of", "code"),
        to_field_name="code",
        required=False,
        empty_label=_("The latest that reported it"),
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    colour = forms.ChoiceField(label=_("Assessment"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            ("", _("Any status")),
            *ActionStatus.choices,
            (NOT_REPORTED, _("not reported")),
        ]
        self.fields["colour"].choices = [
            ("", _("Any assessment")),
            *((colour.value, f"{colour.symbol} {colour.label}") for colour in Colour),
            (NOT_REPORTED, _("not assessed")),
        ]
        # Plans and units are picked from a list with search (a <datalist>), or typed.
        self.fields["plan"].widget.attrs["list"] = "plan-choices"
        self.fields["unit"].widget.attrs["list"] = "unit-choices"
        self.fields["plan"].widget.attrs["autocomplete"] = "off"
        self.fields["unit"].widget.attrs["autocomplete"] = "off"

    def filter(self, actions):
        data = self.cleaned_data
        return filter_by_follow_up(
            super().filter(actions),
            round=data.get("round"),
            status=data.get("status"),
            colour=data.get("colour"),
        )
