from ortaq.core.permissions import register_reference_models, register_registry_models

register_reference_models("agreements", "area")
register_registry_models("agreements", "agreement", "party", "commitment", "progressreport")
