from django.http import HttpResponse
from django.template.loader import render_to_string

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    """A workbook to download under `filename`."""
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def row_message(request, message: str, *, status: int, log_in: bool = False) -> HttpResponse:
    """Why an htmx save did not go through, as a fragment for the row it came from; the header tells
    styrkort.js that it is such a message and not a page."""
    html = render_to_string("core/_row_message.html", {"message": message, "log_in": log_in}, request)
    return HttpResponse(html, status=status, headers={"X-Styrkort-Message": "row"})
