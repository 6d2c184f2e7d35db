from ortaq.core.permissions import register_registry_models

register_registry_models("events", "program", "reportedfigure", "event", "participation")
