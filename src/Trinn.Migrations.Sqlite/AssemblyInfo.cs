namespace Trinn.Migrations.Sqlite;
