using System.Text.Json;
using Trinn.Cli.Stats;

namespace Trinn.Cli.Tests.Stats;

/// <summary>Runs the real <c>trinn stats</c> command in-process on files in a temporary folder.</summary>
internal sealed class CliRunner : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("trinn-stats-").FullName;

    public string File(string name, string content)
    {
        string path = Path.Combine(dir, name);
        System.IO.File.WriteAllText(path, content.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = StatsCommand.Invoke(["stats", .. args], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public static JsonElement RunJson(params string[] args)
    {
        (int exit, string stdout, string stderr) = Run(args);
        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        Assert.DoesNotContain("NaN", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", stdout, StringComparison.Ordinal);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }

    public JsonElement Request(string json) => RunJson("run", File("request.json", json));

    public void Dispose() => Directory.Delete(dir, recursive: true);

    public static void Close(double expected, JsonElement actual, double rel = 1e-9)
    {
        Assert.Equal(JsonValueKind.Number, actual.ValueKind);
        double a = actual.GetDouble();
        Assert.True(Math.Abs(a - expected) <= rel * Math.Abs(expected), $"expected {expected:R}, got {a:R}");
    }
}
