#!/usr/bin/env bash
# Adds an EF Core migration with the same name to both providers' migrations projects.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh NAME}"
dotnet tool restore >/dev/null
dotnet build src/Trinn.Web -c Debug -nologo -v q
Database__Provider=Sqlite Database__ConnectionString="Data Source=design-time.db" \
  dotnet ef migrations add "$name" --no-build --project src/Trinn.Migrations.Sqlite --startup-project src/Trinn.Web --output-dir Migrations
Database__Provider=Postgres Database__ConnectionString="Host=localhost;Database=trinn_design_time" \
  dotnet ef migrations add "$name" --no-build --project src/Trinn.Migrations.Postgres --startup-project src/Trinn.Web --output-dir Migrations
