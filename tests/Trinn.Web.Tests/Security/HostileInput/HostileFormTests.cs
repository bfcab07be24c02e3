namespace Trinn.Web.Tests.Security.HostileInput;

/// <summary>The table on SQLite: every form.</summary>
public sealed class HostileFormSqliteTests(TrinnFactory app) : IClassFixture<TrinnFactory>
{
    public const int Cases = 12;

    public static TheoryData<string> Forms() => new(HostileForms.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Forms))]
    public Task Form_HostileStrings_StoredExactlyAndEncodedOrRefusedAtTheField(string form) =>
        HostileInputHarness.RunAsync(app, HostileForms.Find(form), Cases);
}

/// <summary>A few forms on PostgreSQL, which refuses what SQLite stores (U+0000, over-long columns).</summary>
public sealed class HostileFormPostgresTests(PostgresTrinnFactory app) : IClassFixture<PostgresTrinnFactory>
{
    public static TheoryData<string> Forms() => new(
    [
        "Referrals/New", "Candidates/Journal", "Employers/Details (contact person)", "Admin (new user)", "Opportunities/Edit",
        "Placements/Review (wage subsidy)", "Employers/ContactEdit", "TimeLog/Edit", "Studies/New", "Studies/Export (free text reason)",
        "Surveys/Answer (page 1)", "Surveys/Consent (register)",
    ]);

    [Theory]
    [MemberData(nameof(Forms))]
    public Task Form_HostileStrings_StoredExactlyAndEncodedOrRefusedAtTheField(string form) =>
        HostileInputHarness.RunAsync(app, HostileForms.Find(form), HostileFormSqliteTests.Cases);
}
