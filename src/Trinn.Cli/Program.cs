using System.CommandLine;

var root = new RootCommand("trinn — kommandolinje for Trinn");
root.Subcommands.Add(Trinn.Cli.Db.DbCommand.Create());
root.Subcommands.Add(Trinn.Cli.Audit.AuditCommand.Create());
root.Subcommands.Add(Trinn.Cli.Backup.BackupCommand.CreateBackup());
root.Subcommands.Add(Trinn.Cli.Backup.BackupCommand.CreateRestore());
root.Subcommands.Add(Trinn.Cli.Retention.RetentionCommand.Create());
root.Subcommands.Add(Trinn.Cli.Seed.SeedCommand.Create());
root.Subcommands.Add(Trinn.Cli.Stats.StatsCommand.Create());
root.Subcommands.Add(Trinn.Cli.Fidelity.FidelityCommand.Create());
root.Subcommands.Add(Trinn.Cli.Instruments.InstrumentCommand.Create());
root.Subcommands.Add(Trinn.Cli.Check.CheckCommand.Create());
root.Subcommands.Add(Trinn.Cli.Check.FixCommand.Create());
return await root.Parse(args).InvokeAsync();
