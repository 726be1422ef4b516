"""Builds the application's parts from the config: one place for replay, run and the tests."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from bot.config import Config
from bot.incidents.engine import IncidentEngine
from bot.pipeline import AlertSinkLike, Pipeline
from bot.registry import Registry
from classifiers.classify import Classifier
from classifiers.types import Classification
from storage import Store

log = logging.getLogger("claimwatch")


class SourceAwareClassifier:
    """The classifier, told which actor a source speaks for (first-person claims name nobody)."""

    def __init__(self, classifier: Classifier, registry: Registry) -> None:
        self.inner = classifier
        self.registry = registry

    def classify(self, text: str, date: datetime | None = None, source: str | None = None) -> Classification:
        actor = self.registry.lookup(source).actor if source else None
        return self.inner.classify(text, date, source, actor)


@dataclass
class App:
    config: Config
    store: Store
    registry: Registry
    classifier: Classifier
    engine: IncidentEngine
    pipeline: Pipeline

    async def close(self) -> None:
        await self.store.close()


async def build_app(config: Config, *, simulated: bool, sinks: list[AlertSinkLike] | None = None,
                    store: Store | None = None, deliver: bool = True) -> App:
    store = store or await Store.open(config.storage.url)
    registry = Registry.builtin(config)
    classifier = Classifier(config.gazetteer.build())
    taught = await store.learned_aliases()
    for alias, actor_id in taught:
        classifier.learn_alias(alias, actor_id)
    engine = IncidentEngine(store, config, registry, classifier.gz, simulated=simulated,
                            outbox_status="pending" if deliver else "skipped")
    mutes = await store.get_state("mutes") or {}
    for kind, until in mutes.items():
        engine.muted[kind] = datetime.fromisoformat(until)
    pipeline = Pipeline(store, SourceAwareClassifier(classifier, registry), engine, sinks or [])
    for source in config.sources:
        info = registry.lookup(source.handle)
        await store.upsert_source(source.handle, role=info.role, network=info.network, watch=source.watch)
    return App(config, store, registry, classifier, engine, pipeline)
