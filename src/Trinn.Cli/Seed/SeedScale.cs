namespace Trinn.Cli.Seed;

/// <summary>
/// How much data <c>trinn seed</c> makes. <see cref="National"/> is the whole country as issue #16 sizes it (about 550
/// job specialists in NAV in 2019); a region is one twelfth of it, a team one sixtieth.
/// </summary>
internal sealed record SeedScale(
    string Name,
    int Regions,
    int Teams,
    int Specialists,
    int ActiveCandidates,
    int DischargedCandidates,
    int Employers,
    int EmployerContacts,
    int JournalNotes,
    int Placements,
    int TimeBlocks,
    long AuditEntries)
{
    /// <summary>Years of history: discharged candidates, contacts, notes and time blocks spread over them.</summary>
    public const int Years = 5;

    public static readonly SeedScale National = new("national", 12, 60, 550, 10_000, 60_000, 12_000, 300_000, 500_000, 80_000, 1_000_000, 10_000_000);

    public static readonly SeedScale Region = National.Divide("region", 12, regions: 1);

    public static readonly SeedScale Team = National.Divide("team", 60, regions: 1);

    public static IReadOnlyList<SeedScale> All { get; } = [National, Region, Team];

    public static SeedScale? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    private SeedScale Divide(string name, int by, int regions) => new(
        name,
        regions,
        Math.Max(1, Teams / by),
        Specialists / by,
        ActiveCandidates / by,
        DischargedCandidates / by,
        Employers / by,
        EmployerContacts / by,
        JournalNotes / by,
        Placements / by,
        TimeBlocks / by,
        AuditEntries / by);
}
