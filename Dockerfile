# The service image: API and worker alike (docker-compose.yml picks the command).
FROM python:3.11-slim-bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends make libgl1 libglib2.0-0 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN make .venv/.installed-stamp PYTHON=python3.11 \
    && useradd --create-home assistant && mkdir -p /data && chown assistant /data
USER assistant
ENV PATH=/app/.venv/bin:$PATH MA_SERVICE__DATA_DIR=/data HF_HUB_OFFLINE=1
EXPOSE 8000
CMD ["meeting-assistant", "serve", "--host", "0.0.0.0", "--port", "8000"]
