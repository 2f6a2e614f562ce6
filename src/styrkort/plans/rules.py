# The plan permissions live with the roles in org/rules.py; this module keeps rules' autodiscovery uniform.
from styrkort.org import rules as _org_rules  # noqa: F401
