# claimwatch in a container: the daemon by default, every other command by name
#   docker build -t claimwatch .
#   docker run --rm -v claimwatch-data:/data -e CLAIMWATCH_BOT_TOKEN claimwatch check
# The config is /data/config.toml when present (deploy/config.container.toml is a start), else the
# built-in defaults with the database in /data. BASE is any image with Python 3.11+ and venv.
ARG BASE=python:3.11-slim
FROM ${BASE}

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /opt/claimwatch
COPY pyproject.toml README.md ./
COPY bot bot
COPY watchers watchers
COPY classifiers classifiers
COPY storage storage
COPY examples examples
RUN python3 -m venv /opt/claimwatch/.venv \
 && /opt/claimwatch/.venv/bin/pip install --no-cache-dir . \
 && useradd --system --home-dir /data --create-home claimwatch
COPY deploy/container-entrypoint.sh /usr/local/bin/claimwatch-entrypoint
USER claimwatch
WORKDIR /data
VOLUME /data
ENTRYPOINT ["/usr/local/bin/claimwatch-entrypoint"]
CMD ["run"]
