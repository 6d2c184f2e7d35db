from ortaq.core.permissions import register_registry_models

register_registry_models("directory", "organization", "person", "position")
