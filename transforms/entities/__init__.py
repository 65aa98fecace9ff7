"""Named entities: spaCy's NER, corrected by rules that news copy needs.

- acronyms defined in the text ("Ministry of ... (MIIT)") and their later uses share one entity;
  an acronym of a lower-case phrase ("new energy vehicle (NEV)") is a term, not an entity;
- surname-only mentions resolve to the full name, and are people, not places;
- the dateline place is a place; the agency credit beside it is not an entity;
- country codes come from the gazetteer.
"""

from transforms.entities.acronyms import find_acronyms
from transforms.entities.mentions import ENTITY_TYPES, extract_entities
from transforms.entities.titles import add_titles

__all__ = ["ENTITY_TYPES", "add_titles", "extract_entities", "find_acronyms"]
