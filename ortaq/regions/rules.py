from ortaq.core.permissions import register_reference_models, register_registry_models

register_reference_models("regions", "region")
register_registry_models("regions", "settlement")
