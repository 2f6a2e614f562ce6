"""Finding actions by words in their code or text, any part of a word: Swedish builds compounds
("folkhälsoarbete" holds "hälsa" as "hälso") and codes are searched as typed ("RF1", "MO6.3").

One function for both databases, with an index behind it on each (migration 0010_action_search):
SQLite's FTS5 trigram table, PostgreSQL's trigram indexes. A word shorter than three letters has no
trigram to look up and is compared row by row, as before.
"""

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

TRIGRAM = 3
_MATCHING = "SELECT rowid FROM plans_action_search WHERE plans_action_search MATCH %s"


def search_query(text: str) -> Q:
    """Every word must appear in the action's code or text (case does not matter)."""
    query = Q()
    for word in text.split():
        if connection.vendor == "sqlite" and len(word) >= TRIGRAM:
            phrase = '"' + word.replace('"', '""') + '"'  # a quoted FTS5 string: no operators in it
            query &= Q(
                pk__in=RawSQL(
                    "SELECT rowid FROM plans_action_search WHERE plans_action_search MATCH %s", [phrase]
                )
            )
        else:
            query &= Q(code__icontains=word) | Q(text__icontains=word)
    return query
