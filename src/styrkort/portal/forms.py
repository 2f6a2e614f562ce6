from django import forms
from django.utils.translation import gettext_lazy as _

from styrkort.org.models import Unit
from styrkort.plans.models import Action, Goal, GoalArea, Plan

from .models import Story


class DesignsystemetForm(forms.Form):
    """Fields with Designsystemet's classes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django ties the help text (id …_helptext) and marks errors (aria-invalid) itself.
        for field in self.fields.values():
            if not isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.attrs.setdefault("class", "ds-input")


class StoryForm(DesignsystemetForm):
    """A story: its plan and author unit picked from the user's choices, activities and goals typed
    as codes ("RUF-2023/RF6; RP-1.1"), so a long plan needs no list of thousands."""

    plan = forms.ModelChoiceField(label=_("Plan"), queryset=Plan.objects.none(), empty_label=None)
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences, shown in lists and the feed."),
    )
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=Story._meta.get_field("body").help_text,
    )
    unit = forms.ModelChoiceField(label=_("Written by"), queryset=Unit.objects.none(), empty_label=None)
    published_on = forms.DateField(
        label=_("Date shown"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: the day it is published."),
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Goal areas"),
        queryset=GoalArea.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    goals = forms.CharField(
        label=_("Goals"),
        required=False,
        max_length=2000,
        help_text=_("Goal codes separated by ;, e.g. RUS-1.1; RP-1.1."),
    )
    actions = forms.CharField(
        label=_("Activities"),
        required=False,
        max_length=2000,
        help_text=_("Plan code / activity code, separated by ;, e.g. RUF-2023/RF6; RUF-2023/RUN 3."),
    )

    def __init__(self, *args, plans, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["unit"].queryset = units
        self.fields["areas"].queryset = GoalArea.objects.filter(plan__in=plans).select_related("plan")
        self.fields["areas"].label_from_instance = lambda area: f"{area.name} ({area.plan.code})"

    def clean_goals(self):
        codes = [code.strip() for code in self.cleaned_data["goals"].split(";") if code.strip()]
        found = {goal.code: goal for goal in Goal.objects.filter(code__in=codes).select_related("plan")}
        missing = [code for code in codes if code not in found]
        if missing:
            raise forms.ValidationError(_("No goal has the code %(codes)s.") % {"codes": ", ".join(missing)})
        return [found[code] for code in codes]

    def clean_actions(self):
        references = [ref.strip() for ref in self.cleaned_data["actions"].split(";") if ref.strip()]
        actions, wrong = [], []
        for reference in references:
            plan_code, _slash, code = reference.partition("/")
            action = (
                Action.objects.select_related("plan")
                .filter(plan__code=plan_code.strip(), code__iexact=code.strip())
                .first()
                if code
                else None
            )
            (actions.append(action) if action else wrong.append(reference))
        if wrong:
            raise forms.ValidationError(
                _("No activity is found for %(refs)s: write the plan code, a slash and the activity code.")
                % {"refs": ", ".join(wrong)}
            )
        return actions

    def clean(self):
        cleaned = super().clean()
        plan, areas = cleaned.get("plan"), cleaned.get("areas") or []
        if plan and any(area.plan_id != plan.pk for area in areas):
            self.add_error("areas", _("Pick goal areas of the story's plan only."))
        return cleaned

    @staticmethod
    def initial_for(story: Story) -> dict:
        return {
            "plan": story.plan_id,
            "title": story.title,
            "summary": story.summary,
            "body": story.body,
            "unit": story.unit_id,
            "published_on": story.published_on,
            "areas": list(story.areas.all()),
            "goals": "; ".join(goal.code for goal in story.goals.all()),
            "actions": "; ".join(action.reference for action in story.actions.select_related("plan")),
        }


class StoryImageForm(DesignsystemetForm):
    image = forms.FileField(
        label=_("Image"),
        help_text=_("JPEG, PNG, WebP or GIF, at most 10 MB. Metadata such as where it was taken is removed."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    alt = forms.CharField(
        label=_("Alternative text"),
        max_length=400,
        help_text=_("What the image shows, for those who cannot see it."),
    )
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)
