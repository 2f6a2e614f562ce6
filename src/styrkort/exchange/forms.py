from django import forms
from django.utils.translation import gettext_lazy as _


class WorkbookUploadForm(forms.Form):
    workbook = forms.FileField(
        label=_("Plan workbook (.xlsx)"),
        help_text=_("The file is checked first; nothing is saved until you confirm."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )


class WorkbookConfirmForm(forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput)


class FollowUpWorkbookUploadForm(WorkbookUploadForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workbook"].label = _("Follow-up workbook (.xlsx)")


class EconomyFileUploadForm(WorkbookUploadForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workbook"].label = _("Economy or staff file (.csv or .xlsx)")
        self.fields["workbook"].widget.attrs["accept"] = ".csv,.xlsx"
