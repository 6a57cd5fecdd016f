# Production image: gunicorn serving newsannot, static files baked in for whitenoise.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# manage.py, templates/ and static/ live here; BASE_DIR in settings.py resolves to /app.
WORKDIR /app

RUN groupadd --system app && useradd --system --gid app --home-dir /app --no-create-home app

# The locked runtime tree (the dependencies and the prod extra: gunicorn, Redis,
# PostgreSQL's driver), every file checked against its hash; a layer of its own, rebuilt
# only when the lock changes.
COPY requirements.lock /app/
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock

# pyproject's package discovery only ships the Python packages; templates/, static/,
# manage.py and the demo data are used straight from this source tree. Nothing is
# resolved again: the lock above brought every dependency.
COPY . /app
RUN pip install --no-cache-dir --no-deps .

# DEBUG is unset (off), so this builds the hashed, compressed files whitenoise serves.
# The key exists only for this command and never reaches the running container.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input

# The code and the collected static files stay owned by root: the app only reads them.
# media/ (uploads, export files; a volume in docker-compose.yml) is the app's to write.
RUN mkdir -p /app/media && chown app:app /app/media
USER app

EXPOSE 8000

# /healthz answers while the process does: no database, no session, any Host header.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"]

# Workers, threads, timeouts and recycling: gunicorn.conf.py, for compose as well.
CMD ["gunicorn", "--config", "gunicorn.conf.py", "newsannot.wsgi:application"]
