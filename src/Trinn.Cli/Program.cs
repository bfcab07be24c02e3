using System.CommandLine;

var root = new RootCommand("trinn — kommandolinje for Trinn");
root.Subcommands.Add(Trinn.Cli.Stats.StatsCommand.Create());
return await root.Parse(args).InvokeAsync();
