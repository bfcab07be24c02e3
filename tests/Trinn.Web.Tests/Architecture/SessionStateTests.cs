using System.Text.RegularExpressions;

namespace Trinn.Web.Tests.Architecture;

/// <summary>
/// PostgreSQL connections are not reset when they go back to the pool (<c>No Reset On Close</c>, docs/scaling.md), which
/// is safe only while no code leaves session state on a connection. Checked on the sources: no SQL text that sets a
/// session setting, takes a session advisory lock, creates a temporary table or listens. Use <c>SET LOCAL</c> and
/// <c>pg_advisory_xact_lock</c>, which end with the transaction.
/// </summary>
public sealed partial class SessionStateTests
{
    [Theory]
    [InlineData("\"SET statement_timeout = '5s'\"")]
    [InlineData("\"SET search_path TO research\"")]
    [InlineData("\"SET SESSION work_mem = '64MB'\"")]
    [InlineData("\"SELECT pg_advisory_lock(42)\"")]
    [InlineData("$\"SELECT pg_try_advisory_lock({key})\"")]
    [InlineData("\"CREATE TEMP TABLE import (id int)\"")]
    [InlineData("\"CREATE TEMPORARY TABLE import (id int)\"")]
    [InlineData("\"LISTEN changes\"")]
    [InlineData("\"SELECT set_config('app.user', @user, false)\"")]
    public void Detector_FindsSessionState(string line) => Assert.True(LeavesSessionState(line), line);

    [Theory]
    [InlineData("\"SET LOCAL maintenance_work_mem = '256MB'\"")]
    [InlineData("\"SELECT pg_advisory_xact_lock(7160216)\"")]
    [InlineData("$\"UPDATE {head} SET {last} = @sequence WHERE {id} = 1\"")]
    [InlineData("\"UPDATE \\\"Candidates\\\" SET \\\"Stage\\\" = 2\"")]
    [InlineData("// SET statement_timeout in a comment is no SQL")]
    [InlineData("\"SELECT set_config('app.user', @user, true)\"")]
    public void Detector_LetsTransactionScopedStatementsBe(string line) => Assert.False(LeavesSessionState(line), line);

    [Fact]
    public void Sources_LeaveNoSessionStateOnAConnection()
    {
        var src = Path.Combine(StructureTests.RepoRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 300, $"only {files.Count} source files under {src}: the scan itself is broken");

        foreach (var file in Unpooled)
        {
            Assert.Contains("Pooling = false", File.ReadAllText(Path.Combine(src, file)), StringComparison.Ordinal);
        }

        var offenders = (
            from file in files
            where !Unpooled.Contains(Path.GetRelativePath(src, file))
            from line in File.ReadLines(file).Select((text, i) => (Text: text, Number: i + 1))
            where LeavesSessionState(line.Text)
            select $"{Path.GetRelativePath(src, file)}:{line.Number}: {line.Text.Trim()}").ToList();

        Assert.True(offenders.Count == 0,
            "Session state on a pooled PostgreSQL connection outlives the request (connections are not reset); use SET LOCAL "
            + "or pg_advisory_xact_lock inside a transaction:\n" + string.Join('\n', offenders));
    }

    /// <summary>Sources whose connection is their own, outside the pool (checked: they say <c>Pooling = false</c>).</summary>
    private static readonly HashSet<string> Unpooled =
    [
        Path.Combine("Trinn.Web", "Features", "Api", "CandidateChangeListener.cs"),
    ];

    [Fact]
    public void CandidateChangeListener_ListensOnAConnectionOutsideThePool()
    {
        var listener = new Npgsql.NpgsqlConnectionStringBuilder(
            Trinn.Web.Features.Api.CandidateChangeListener.ConnectionString("Host=db;Database=trinn;Username=trinn;Pooling=true"));

        Assert.False(listener.Pooling);
        Assert.Equal("db", listener.Host);
        Assert.Equal(Trinn.Web.Features.Api.CandidateChangeListener.ApplicationName, listener.ApplicationName);
    }

    private static bool LeavesSessionState(string line)
    {
        var code = line.TrimStart();
        return !code.StartsWith("//", StringComparison.Ordinal) && SessionStatePattern().IsMatch(code);
    }

    // A string literal that starts with SET (but not SET LOCAL), a session advisory lock, a temporary table, LISTEN, or set_config
    // with is_local false.
    [GeneratedRegex(
        """
        (?<![\w\\"])"\s*SET\s+(?!LOCAL\b)|pg_(try_)?advisory_lock(_shared)?\s*\(|CREATE\s+TEMP(ORARY)?\s+TABLE|(?<![\w\\"])"\s*LISTEN\s|set_config\s*\([^)]*,\s*false\s*\)
        """,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SessionStatePattern();
}
