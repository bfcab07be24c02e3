using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;
using Trinn.Core.FollowUps;

namespace Trinn.Benchmarks;

/// <summary>
/// A migrated SQLite database with national-sized rows for the tables the dashboard reads, in the sizes of issue #16's
/// national preset (until <c>trinn seed --scale national</c> exists): 60 teams, 550 job specialists (a quarter part-time,
/// one in twenty moving team halfway, holidays as absence), 10,000 active and 60,000 discharged candidates over five
/// years, 12,000 employers, 300,000 employer contacts (half about one or two candidates), 500,000 journal notes, about
/// 80,000 placements with support measures and the follow-up plan of <see cref="FollowUpPlanner"/>, 1,000,000 time
/// blocks. Deterministic (seed 16); prepared inserts in one transaction; no audit trail (the dashboard does not read it).
/// </summary>
internal static class NationalData
{
    public const int Teams = 60;
    public const int Specialists = 550;
    public const int Active = 10_000;
    public const int Discharged = 60_000;
    public const int EmployersPerTeam = 200;
    public const int Contacts = 300_000;
    public const int JournalNotes = 500_000;
    public const int TimeBlocks = 1_000_000;

    public static readonly DateOnly Today = new(2026, 11, 30);

    /// <summary>The database file, built on first use (into a temporary name, renamed when complete).</summary>
    public static string EnsureBuilt()
    {
        var path = Environment.GetEnvironmentVariable("TRINN_BENCH_DB") is { Length: > 0 } given
            ? given
            : Path.Combine(Path.GetTempPath(), "trinn-bench-national-v2.db");
        if (File.Exists(path))
        {
            return path;
        }

        var building = path + ".building";
        File.Delete(building);
        var connection = $"Data Source={building};Pooling=false";
        using (var db = DatabaseRegistration.CreateContext(DatabaseProvider.Sqlite, connection))
        {
            db.Database.Migrate();
        }

        Fill(connection);
        File.Move(building, path);
        return path;
    }

    private static void Fill(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Exec(connection, null, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
        using var tx = connection.BeginTransaction();
        var random = new Random(16);
        var first = Today.AddYears(-5);
        var days = Today.DayNumber - first.DayNumber;
        var now = Today.ToDateTime(TimeOnly.MinValue).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        DateOnly Between(DateOnly from, DateOnly to) => from.AddDays(random.Next(Math.Max(1, to.DayNumber - from.DayNumber)));

        Exec(connection, tx, "INSERT INTO AspNetRoles (Id, Name, NormalizedName) VALUES ('js', 'Jobbspesialist', 'JOBBSPESIALIST'), ('mv', 'Metodeveileder', 'METODEVEILEDER')");
        var team = Insert(connection, tx, "Teams", "Name", "StartedOn");
        for (var t = 1; t <= Teams; t++)
        {
            team(["Team " + t.ToString("D2", CultureInfo.InvariantCulture), D(t % 20 == 0 ? Today.AddMonths(-8) : first)]);
        }

        // Specialist s works in team 1 + s % 60 (about nine each); one in twenty moves to the next team halfway.
        var user = Insert(connection, tx, "AspNetUsers", "Id", "UserName", "NormalizedUserName", "DisplayName", "TeamId", "Fte", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount");
        var role = Insert(connection, tx, "AspNetUserRoles", "UserId", "RoleId");
        var membership = Insert(connection, tx, "TeamMembership", "UserId", "TeamId", "From", "To", "Fte", "CreatedAtUtc");
        var absence = Insert(connection, tx, "Absence", "UserId", "From", "To", "Kind", "Percent", "CreatedAtUtc");
        var teamOf = new int[Specialists];
        var moved = Today.AddMonths(-6);
        for (var s = 0; s < Specialists; s++)
        {
            var id = "u" + s.ToString(CultureInfo.InvariantCulture);
            var home = 1 + (s % Teams);
            var moves = s % 20 == 7;
            teamOf[s] = moves ? 1 + (home % Teams) : home;
            var fte = s % 4 == 0 ? 0.6m : 1.0m;
            user([id, id, id.ToUpperInvariant(), "Spesialist " + id, teamOf[s], fte, 1, 0, 0, 1, 0]);
            role([id, "js"]);
            membership([id, home, D(first), moves ? D(moved.AddDays(-1)) : null, fte, now]);
            if (moves)
            {
                membership([id, teamOf[s], D(moved), null, fte, now]);
            }

            for (var y = first.Year; y <= Today.Year; y++)
            {
                var summer = new DateOnly(y, 7, 1).AddDays(random.Next(14));
                absence([id, D(summer), D(summer.AddDays(20)), 1, 100, now]);
            }
        }

        // Metodeveileder of team 7 (the benchmark's viewer): not a job specialist, so not in the team's FTE.
        user(["mv7", "mv7", "MV7", "Metodeveileder 7", 7, 1.0m, 1, 0, 0, 1, 0]);
        role(["mv7", "mv"]);
        user(["nav", "nav", "NAV", "NAV-veileder", null, null, 1, 0, 0, 1, 0]);

        var employer = Insert(connection, tx, "Employer", "TeamId", "Name", "OrganizationNumber", "Sector", "IaAgreement", "CreatedAtUtc", "Version");
        for (var t = 1; t <= Teams; t++)
        {
            for (var e = 0; e < EmployersPerTeam; e++)
            {
                employer([t, "Arbeidsgiver " + e.ToString(CultureInfo.InvariantCulture), (900_000_000 + (t * 1000) + e).ToString(CultureInfo.InvariantCulture), 1 + (e % 2), 0, now, 0]);
            }
        }

        int EmployerOf(int t) => ((t - 1) * EmployersPerTeam) + 1 + random.Next(EmployersPerTeam);

        var candidate = Insert(connection, tx, "Candidates", "TeamId", "FirstName", "LastName", "NationalId", "NationalIdHash", "PrimarySpecialistId", "Stage", "StageSince", "DischargedOn", "DischargeOutcome", "CreatedAtUtc", "Version");
        var referral = Insert(connection, tx, "Referrals", "CandidateId", "ReferredById", "ReferredOn", "Innsatsgruppe", "Reason", "RegisteredById", "RegisteredAtUtc");
        var placement = Insert(connection, tx, "Placement", "CandidateId", "EmployerId", "Kind", "Market", "PositionPercent", "StartDate", "EndDate", "Ending", "RegisteredById", "CreatedAtUtc", "Version");
        var measure = Insert(connection, tx, "SupportMeasure", "PlacementId", "Kind", "FromDate", "ToDate", "NextReviewDate", "Percent", "CreatedAtUtc", "Version");
        var followUp = Insert(connection, tx, "FollowUp", "CandidateId", "PlacementId", "Kind", "PlannedDate", "DoneOn", "DoneBy", "Version");
        var total = Active + Discharged;
        var candidateTeam = new int[total + 1];
        var candidateSpan = new (DateOnly From, DateOnly To)[total + 1];
        var byTeam = Enumerable.Range(0, Teams + 1).Select(_ => new List<int>()).ToArray();
        long placementId = 0;
        for (var c = 1; c <= total; c++)
        {
            var s = random.Next(Specialists);
            var active = c <= Active;
            DateOnly referred, until;
            if (active)
            {
                referred = Today.AddDays(-random.Next(1, 540));
                until = Today;
            }
            else
            {
                referred = first.AddDays(random.Next(days - 60));
                until = referred.AddDays(random.Next(60, 720));
                if (until >= Today)
                {
                    until = Today.AddDays(-1 - random.Next(30));
                }
            }

            var stage = active ? 1 + random.Next(5) : 5;
            var work = random.NextDouble() < 0.55;
            int? outcome = active ? null : work ? 1 + random.Next(2) : 3 + random.Next(7);
            candidate([teamOf[s], "Fornavn", "Etternavn", "x", "h" + c.ToString(CultureInfo.InvariantCulture), "u" + s.ToString(CultureInfo.InvariantCulture), stage, D(referred), active ? null : D(until), outcome, now, 0]);
            referral([c, "nav", D(referred), 1 + random.Next(2), "Arbeid", "nav", now]);
            candidateTeam[c] = teamOf[s];
            candidateSpan[c] = (referred, until);
            byTeam[teamOf[s]].Add(c);

            // About 80,000 placements: more than half of the candidates get one, most of those a second or third after the first ended.
            var jobs = work || (active && stage >= 4) ? 1 + (random.NextDouble() < 0.8 ? 1 : 0) + (random.NextDouble() < 0.6 ? 1 : 0) : random.NextDouble() < 0.3 ? 1 : 0;
            var jobStart = referred.AddDays(random.Next(20, 180));
            for (var j = 0; j < jobs && jobStart < until; j++)
            {
                placementId++;
                var ends = j + 1 < jobs || (!active && random.NextDouble() < 0.5);
                var end = ends ? jobStart.AddDays(random.Next(30, 200)) : (DateOnly?)null;
                placement([c, EmployerOf(teamOf[s]), 2 + random.Next(5), random.NextDouble() < 0.92 ? 1 : 2, 40 + (20 * random.Next(4)), D(jobStart), end is { } e1 ? D(e1) : null, end is null ? null : 1 + random.Next(3), "u" + s.ToString(CultureInfo.InvariantCulture), now, 0]);
                if (random.NextDouble() < 0.4)
                {
                    var kind = 1 + random.Next(4);
                    measure([placementId, kind, D(jobStart), D(jobStart.AddMonths(6 + random.Next(12))), kind == 1 ? D(jobStart.AddMonths(6)) : null, kind == 1 ? 40 + (10 * random.Next(3)) : null, now, 0]);
                }

                foreach (var (date, kind) in FollowUpPlanner.Plan(jobStart))
                {
                    if (end is { } stop && date > stop)
                    {
                        break;
                    }

                    var done = date < Today && random.NextDouble() < 0.8 ? D(date.AddDays(random.Next(0, 6))) : null;
                    followUp([c, placementId, (int)kind, D(date), done, done is null ? null : 1, 0]);
                }

                jobStart = (end ?? until).AddDays(random.Next(14, 90));
            }
        }

        int CandidateOf(int t) => byTeam[t][random.Next(byTeam[t].Count)];

        var note = Insert(connection, tx, "JournalNotes", "CandidateId", "AuthorId", "Date", "Kind", "Place", "DurationMinutes", "Text", "CreatedAtUtc");
        for (var i = 0; i < JournalNotes; i++)
        {
            var c = 1 + random.Next(total);
            var kind = 1 + random.Next(6);
            note([c, "u0", D(Between(candidateSpan[c].From, candidateSpan[c].To)), kind, kind is 4 or 5 or 6 ? 2 : 1, 30, "Notat", now]);
        }

        var contact = Insert(connection, tx, "EmployerContact", "EmployerId", "SpecialistId", "Date", "Kind", "Purpose", "FirstContact", "DurationMinutes", "CreatedAtUtc", "Version");
        var link = Insert(connection, tx, "EmployerContactCandidate", "EmployerContactId", "CandidateId");
        for (var i = 1; i <= Contacts; i++)
        {
            var s = random.Next(Specialists);
            var t = teamOf[s];
            contact([EmployerOf(t), "u" + s.ToString(CultureInfo.InvariantCulture), D(first.AddDays(random.Next(days))), 1 + random.Next(5), 1 + random.Next(6), random.NextDouble() < 0.1 ? 1 : 0, 45, now, 0]);
            var about = random.NextDouble() < 0.5 ? 1 + random.Next(2) : 0;
            var linked = new HashSet<int>();
            for (var k = 0; k < about; k++)
            {
                var candidateId = CandidateOf(t);
                if (linked.Add(candidateId))
                {
                    link([i, candidateId]);
                }
            }
        }

        var block = Insert(connection, tx, "TimeBlock", "UserId", "Date", "Minutes", "Category", "OutOfOffice", "CreatedAtUtc", "Version");
        for (var i = 0; i < TimeBlocks; i++)
        {
            var s = random.Next(Specialists);
            var category = 1 + random.Next(6);
            var outside = category is 1 or 2 or 3 && random.NextDouble() < 0.8;
            block(["u" + s.ToString(CultureInfo.InvariantCulture), D(first.AddDays(random.Next(days))), 30 + (15 * random.Next(16)), category, outside ? 1 : 0, now, 0]);
        }

        tx.Commit();
        Exec(connection, null, "ANALYZE;");
        Console.WriteLine($"National data: {Active + Discharged} candidates, {placementId} placements, {Contacts} employer contacts, {JournalNotes} journal notes, {TimeBlocks} time blocks.");
    }

    private static void Exec(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A prepared insert of the named columns; every other NOT NULL column without a default gets 0 or "".</summary>
    private static Action<object?[]> Insert(SqliteConnection connection, SqliteTransaction tx, string table, params string[] columns)
    {
        var required = new List<(string Name, string Type)>();
        using (var info = connection.CreateCommand())
        {
            info.Transaction = tx;
            info.CommandText = $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                var name = reader.GetString(0);
                if (reader.GetInt32(2) == 1 && reader.GetInt32(4) == 0 && reader.IsDBNull(3) && !columns.Contains(name))
                {
                    required.Add((name, reader.GetString(1)));
                }
            }
        }

        var names = columns.Concat(required.Select(r => r.Name)).ToList();
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => "\"" + n + "\""))}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = names.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToList();
        for (var i = 0; i < required.Count; i++)
        {
            parameters[columns.Length + i].Value = required[i].Type.Contains("INT", StringComparison.OrdinalIgnoreCase) ? 0 : "";
        }

        command.Prepare();
        return values =>
        {
            for (var i = 0; i < columns.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        };
    }
}
