namespace Trinn.Migrations.Postgres;
