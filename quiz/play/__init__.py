"""Playing: the engine, scoring, answer checking, the session, game setup and plain mode."""
