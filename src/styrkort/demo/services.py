"""The Region Västmanland demo: the plan workbook in data/, loaded through the product's own import."""

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from styrkort.exchange.services import plan_workbook_import
from styrkort.exchange.workbook import ImportResult
from styrkort.org.enums import Role
from styrkort.org.models import Unit
from styrkort.org.services import user_ensure

DEMO_WORKBOOK = Path(__file__).parent / "data" / "region-vastmanland-plan.xlsx"
DEMO_PASSWORD = "styrkort-demo"  # noqa: S105 - published on purpose: these are demo logins


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: Role
    unit_code: str

    @property
    def role_label(self) -> str:
        return str(self.role.label)


DEMO_USERS = (
    DemoUser("admin", "Alva Administratör", Role.ADMINISTRATOR, "RF"),
    DemoUser("planerare", "Petra Planerare", Role.PLANNER, "RUF"),
    DemoUser("rapportor", "Rasmus Rapportör", Role.REPORTER, "FH"),
    DemoUser("lasare", "Lisa Läsare", Role.READER, "RF"),
)


@transaction.atomic
def demo_load() -> ImportResult:
    result = plan_workbook_import(source=DEMO_WORKBOOK)
    if not result.ok:
        return result
    for demo_user in DEMO_USERS:
        user_ensure(
            username=demo_user.username,
            password=DEMO_PASSWORD,
            full_name=demo_user.full_name,
            unit=Unit.objects.get(code=demo_user.unit_code),
            role=demo_user.role,
        )
    return result
