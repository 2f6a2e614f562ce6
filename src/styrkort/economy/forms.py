from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from styrkort.core.numbers import NumberError, parse_decimal


class MnkrField(forms.CharField):
    """An amount in mnkr as Swedish users write it ("0,07", "−1,5"); kronor in cleaned_data."""

    def to_python(self, value):
        text = super().to_python(value).strip()
        if not text:
            return None
        try:
            return parse_decimal(text) * Decimal(1_000_000)
        except NumberError as error:
            raise forms.ValidationError(str(error)) from None


class SavingsMeasureForm(forms.Form):
    measure = forms.CharField(label=_("Measure"), max_length=300)
    timeline = forms.CharField(label=_("Timeline"), max_length=100, required=False)
    owner = forms.CharField(label=_("Responsible"), max_length=200, required=False)
    estimated_effect = MnkrField(label=_("Estimated effect, mnkr"), required=False)
    realised_effect = MnkrField(label=_("Realised effect, mnkr"), required=False)
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)  # of an edited one
