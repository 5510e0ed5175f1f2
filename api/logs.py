"""Logging of ``veikart serve``: every record as one JSON object on stderr.

The request lines come from ``veikart.requests`` (one per request, written by the ``Observe`` middleware);
uvicorn's own messages (start, stop, errors) take the same form. Uvicorn's access log is off: it would
repeat each request in another shape.
"""

from pythonjsonlogger.core import RESERVED_ATTRS

LOG_CONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": True,
            "reserved_attrs": [*RESERVED_ATTRS, "color_message"],  # uvicorn's copy of the message for terminals
        },
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"},
    },
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "veikart": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}
