#!/usr/bin/env bash
# Fails when the EF model has changes that no migration covers, for both providers.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls src/Trinn.Migrations.Sqlite/Migrations/*.cs >/dev/null 2>&1; then
  echo "no migrations yet"; exit 0
fi
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  cs="Data Source=design-time.db"; [ "$provider" = Postgres ] && cs="Host=localhost;Database=trinn_design_time"
  Database__Provider=$provider Database__ConnectionString="$cs" dotnet ef migrations has-pending-model-changes \
    --project src/Trinn.Migrations.$provider --startup-project src/Trinn.Web --no-build --configuration Release
done
