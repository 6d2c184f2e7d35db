"""Rule-based extractors over the analysed text (organizations, agreements, persons, events, figures)."""
