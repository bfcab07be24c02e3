using System.Diagnostics;
using System.Globalization;

namespace Trinn.Cli.Seed;

/// <summary>
/// What the generators share: the scale, the seed, "today", and the facts earlier generators made that later ones
/// build on (teams and their people, candidates and their course, employers, contacts). Ids are chosen by the
/// generators (1, 2, 3 … per table), so children can point at parents without reading anything back.
/// </summary>
internal sealed class SeedContext(SeedScale scale, int seed, DateOnly today, string password, TextWriter output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public SeedScale Scale { get; } = scale;

    public int Seed { get; } = seed;

    public DateOnly Today { get; } = today;

    /// <summary>The moment the seed treats as now: noon UTC on <see cref="Today"/>.</summary>
    public DateTime NowUtc { get; } = today.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    public DateOnly HistoryStart { get; } = today.AddYears(-SeedScale.Years);

    public string Password { get; } = password;

    public List<SeedTeam> Teams { get; } = [];

    public List<SeedUser> Users { get; } = [];

    /// <summary>NAV-veiledere who refer candidates, by region index.</summary>
    public Dictionary<int, List<SeedUser>> Referrers { get; } = [];

    public SeedUser Admin { get; set; } = null!;

    public List<SeedCandidate> Candidates { get; } = [];

    /// <summary>Employer ids of each team (index = team index).</summary>
    public List<List<int>> EmployersByTeam { get; } = [];

    /// <summary>Employer contacts in id order (id = index + 1), for time blocks and follow-ups.</summary>
    public List<SeedContact> Contacts { get; } = [];

    /// <summary>How many journal notes were written; their ids are 1 … this.</summary>
    public int JournalNoteCount { get; set; }

    /// <summary>Out-of-office notes whose time the specialist carried to the time log.</summary>
    public List<SeedNote> CarriedNotes { get; } = [];

    /// <summary>A generator's own random stream: adding or changing one generator leaves the others' data as it was.</summary>
    public Random RandomFor(string area)
    {
        // FNV-1a over the area name: stable across runs and platforms, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in area)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return new Random(unchecked((Seed * 1_000_003) ^ (int)hash));
    }

    public void Progress(string message) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{_clock.Elapsed.TotalSeconds,6:0.0} s, cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,6:0.0} s] {message}"));

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>A date uniformly between two dates (inclusive).</summary>
    public static DateOnly Between(Random random, DateOnly from, DateOnly to) =>
        to <= from ? from : DateOnly.FromDayNumber(random.Next(from.DayNumber, to.DayNumber + 1));

    /// <summary>The date itself on a weekday, otherwise the Friday before.</summary>
    public static DateOnly Weekday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(-1),
        DayOfWeek.Sunday => d.AddDays(-2),
        DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday or DayOfWeek.Friday or _ => d,
    };

    /// <summary>A working-hours moment on a date, in UTC.</summary>
    public static DateTime At(DateOnly date, Random random) =>
        date.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc).AddMinutes(random.Next(0, 9 * 60));

    public static string Id(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}

internal sealed record SeedTeam(int Index, int Id, string Name, int Region)
{
    /// <summary>Job specialists of the team today.</summary>
    public List<SeedUser> Specialists { get; } = [];

    /// <summary>Specialists who left the team for another, with the day they moved; their old work stays here.</summary>
    public List<SeedUser> Former { get; } = [];

    public SeedUser? Supervisor { get; set; }

    /// <summary>Indexes into <see cref="SeedContext.Candidates"/> of the team's candidates, in referral order.</summary>
    public List<int> Candidates { get; } = [];

    /// <summary>Who worked in the team on a date: today's specialists who had joined by then, and those who left after it.</summary>
    public SeedUser PickSpecialist(Random random, DateOnly on)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var pool = Former.Count > 0 && random.Next(10) == 0 ? Former : Specialists;
            var user = pool[random.Next(pool.Count)];
            if (user.WorkedIn(this, on))
            {
                return user;
            }
        }

        return Specialists[random.Next(Specialists.Count)];
    }
}

internal sealed class SeedUser(string id, string userName, string displayName, string role, SeedTeam? team)
{
    public string Id { get; } = id;

    public string UserName { get; } = userName;

    public string DisplayName { get; } = displayName;

    public string Role { get; } = role;

    public SeedTeam? Team { get; } = team;

    public decimal? Fte { get; init; }

    /// <summary>For a specialist who changed teams: the team before and the day of the move.</summary>
    public (SeedTeam From, DateOnly On)? Moved { get; set; }

    public bool WorkedIn(SeedTeam team, DateOnly on) => Moved switch
    {
        null => Team == team,
        { } m => on < m.On ? m.From == team : Team == team,
    };
}

/// <summary>One candidate's course: when referred, how far they came, when (and how) it ended.</summary>
internal sealed class SeedCandidate
{
    public int Id { get; set; }

    public required SeedTeam Team { get; init; }

    public DateOnly ReferredOn { get; init; }

    public DateOnly BirthDate { get; set; }

    public DateOnly? DischargedOn { get; init; }

    /// <summary>The last day of follow-up: the discharge, or today.</summary>
    public DateOnly End { get; init; }

    public SeedUser? Primary { get; set; }

    public SeedUser? Backup { get; set; }

    /// <summary>Stage moves in order; the first is stage 1 on the referral date.</summary>
    public List<(int Stage, DateOnly Date)> Path { get; } = [];

    public int Stage => Path[^1].Stage;

    public DateOnly? AgreementOn { get; set; }

    public bool ConsentResearch { get; set; }

    /// <summary>The day the candidate first reached stage 4 (work), if ever.</summary>
    public DateOnly? FirstJob => Path.FirstOrDefault(p => p.Stage == 4) is { Date: var d, Stage: 4 } ? d : null;

    public bool ActiveOn(DateOnly day) => ReferredOn <= day && day <= End;
}

internal sealed record SeedContact(int Id, int EmployerId, SeedUser Specialist, DateOnly Date, int Minutes, bool InPerson);

internal sealed record SeedNote(int Id, SeedUser Author, DateOnly Date, int Minutes);
