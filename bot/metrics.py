"""/metrics through prometheus_client: one family per metric name with its HELP and TYPE, and the
process metrics (CPU, memory, open files) the library collects.

The daemon hands over plain samples ``(name, type, labels, value)`` taken at scrape time (some come
from the database); they are grouped here by name, so the families never interleave whatever
order the samples arrive in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from prometheus_client import CollectorRegistry, GCCollector, PlatformCollector, ProcessCollector, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

Sample = tuple[str, str, dict[str, str], float]

HELP = {
    "claimwatch_messages_total": "Messages read, by source.",
    "claimwatch_statements_total": "Statements found, by stance (claim, denial, attribution).",
    "claimwatch_alerts_raised_total": "Alerts raised by this process, by kind.",
    "claimwatch_alerts": "Alerts in the outbox, by delivery state (pending, sent, failed, dead, skipped).",
    "claimwatch_outbox_depth": "Alerts waiting to be delivered (pending or to be retried).",
    "claimwatch_stage_seconds_total": "Seconds spent in each pipeline stage.",
    "claimwatch_watcher_polls_total": "Polls of each polled source.",
    "claimwatch_watcher_errors_total": "Failed polls of each polled source.",
    "claimwatch_watcher_up": "1 when the source's last poll succeeded, else 0.",
    "claimwatch_failed_messages_total": "Messages the pipeline could not process (logged once each).",
    "claimwatch_leader": "1 when this instance runs the sweeps and delivers alerts.",
    "claimwatch_uptime_seconds": "Seconds since the daemon started.",
}
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class _Samples(Collector):
    """The daemon's samples of one scrape, as one family per name."""

    def __init__(self, samples: Iterable[Sample]) -> None:
        self.samples = list(samples)

    def collect(self) -> Iterator[Metric]:
        families: dict[str, CounterMetricFamily | GaugeMetricFamily] = {}
        label_names: dict[str, list[str]] = {}
        for name, kind, labels, value in self.samples:
            family = families.get(name)
            if family is None:
                names = sorted(labels)
                label_names[name] = names
                doc = HELP.get(name, name.replace("_", " "))
                family = CounterMetricFamily(name, doc, labels=names) if kind == "counter" \
                    else GaugeMetricFamily(name, doc, labels=names)
                families[name] = family
            family.add_metric([labels.get(n, "") for n in label_names[name]], value)
        yield from families.values()


def render(samples: Sequence[Sample]) -> bytes:
    """The exposition text of one scrape: the daemon's families, then the process metrics."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Samples(samples))
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)
    GCCollector(registry=registry)
    return generate_latest(registry)
