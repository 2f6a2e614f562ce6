"""`{% action_table_rows area.actions %}`, `{% indicator_table_rows area.indicators %}`: lean rows
(followup/rows.py) in a page's template."""

from django import template

from styrkort.followup import rows

register = template.Library()

register.simple_tag(rows.action_table_rows, name="action_table_rows")
register.simple_tag(rows.indicator_table_rows, name="indicator_table_rows")
register.simple_tag(rows.deviating_action_items, name="deviating_action_items")
register.simple_tag(rows.not_reported_action_items, name="not_reported_action_items")
register.simple_tag(rows.goal_table_rows, name="goal_table_rows")
