from django import forms
from django.utils.translation import gettext_lazy as _

from styrkort.org.models import Unit
from styrkort.org.queries import units_below

from .models import GoalArea, Plan
from .search import search_query


class ActionFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    # Plans and units are given by code: a region has thousands, too many for a drop-down.
    plan = forms.CharField(label=_("Plan code"), required=False, max_length=40, help_text=_("E.g. RUF-2023."))
    area = forms.ModelChoiceField(
        label=_("Goal area"),
        queryset=GoalArea.objects.only("id", "name", "order"),
        required=False,
        empty_label=_("All goal areas"),
    )
    unit = forms.CharField(
        label=_("Responsible unit (code)"),
        required=False,
        max_length=40,
        help_text=_("E.g. LS. Includes the units below it."),
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "ds-input"  # Designsystemet styles inputs and selects alike
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-help"

    def clean_plan(self):
        return _by_code(Plan, self.cleaned_data["plan"], _("There is no plan with the code %(code)s."))

    def clean_unit(self):
        return _by_code(Unit, self.cleaned_data["unit"], _("There is no unit with the code %(code)s."))

    def filter(self, actions):
        data = self.cleaned_data
        if data.get("q"):
            actions = actions.filter(search_query(data["q"]))
        if data.get("plan"):
            actions = actions.filter(plan=data["plan"])
        if data.get("area"):
            actions = actions.filter(area=data["area"])
        if data.get("unit"):
            below = units_below([data["unit"].pk]).values("pk")
            actions = actions.filter(units__in=below).distinct()
        if data.get("year"):
            actions = actions.filter(
                timeline_start_year__lte=data["year"], timeline_end_year__gte=data["year"]
            )
        return actions


def _by_code(model, code: str, missing: str):
    code = code.strip()
    if not code:
        return None
    found = model.objects.filter(code__iexact=code).first()  # "ruf-2023" finds RUF-2023
    if found is None:
        raise forms.ValidationError(missing % {"code": code})
    return found
