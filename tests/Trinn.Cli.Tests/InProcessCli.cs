using System.CommandLine;
using Trinn.Core.Data;

namespace Trinn.Cli.Tests;

/// <summary>Runs <c>trinn</c> commands in the test process against one database, and returns the exit code and what they printed.</summary>
internal static class InProcessCli
{
    public static async Task<(int Exit, string Output)> RunAsync(
        IEnumerable<Command> commands, DatabaseProvider provider, string connectionString, params string[] args)
    {
        using var output = new StringWriter();
        var root = new RootCommand();
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        var exit = await root.Parse([.. args, "--provider", provider.ToString(), "--connection", connectionString])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }
}
