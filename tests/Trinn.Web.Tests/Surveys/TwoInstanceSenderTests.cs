using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Trinn.Core.Background;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Core.Research;
using Trinn.Core.Surveys;
using Trinn.Core.Teams;
using Trinn.Web.Features.Surveys;
using Trinn.Web.Tests.Resilience;

namespace Trinn.Web.Tests.Surveys;

/// <summary>
/// Two instances behind a load balancer: two Trinn processes on one PostgreSQL database, both with the background
/// sender on (a round every second) and a real, slow SMTP server in the test. Every due invitation arrives exactly once —
/// while both run, and when the instance holding the sender's lease is stopped in the middle of its batch and the other
/// takes over.
/// </summary>
[Collection(CrashTestGroup.Name)]
public sealed class TwoInstanceSenderTests : IAsyncLifetime
{
    private const int Participants = 30;

    private readonly string server = Environment.GetEnvironmentVariable(PostgresTrinnFactory.EnvironmentVariable) is { Length: > 0 } s
        ? s
        : throw new InvalidOperationException($"{PostgresTrinnFactory.EnvironmentVariable} is not set, so the PostgreSQL tests cannot run.");

    private readonly string name = $"trinn_senders_{Guid.NewGuid():N}";

    private string connectionString = "";

    [Fact]
    public async Task TwoAppProcesses_OnePostgresDatabase_EachDueInvitationDeliveredExactlyOnce()
    {
        await using var smtp = new TestSmtpServer { Delay = TimeSpan.FromMilliseconds(150) };
        var (studyId, userId) = await SeedStudyAsync();
        var settings = new Dictionary<string, string>
        {
            ["Mail__Host"] = "127.0.0.1",
            ["Mail__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail__Tls"] = "None",
            ["Mail__From"] = "trinn@example.no",
            ["Surveys__PublicBaseUrl"] = "http://127.0.0.1",
            ["Surveys__SenderEnabled"] = "true",
            ["Surveys__SenderIntervalSeconds"] = "1",
        };
        using var first = await AppProcess.StartAsync(DatabaseProvider.Postgres, connectionString, settings);
        using var second = await AppProcess.StartAsync(DatabaseProvider.Postgres, connectionString, settings);

        // Both senders already run their rounds when the consents come in: both see the same due invitations.
        var addresses = await RegisterConsentsAsync(studyId, userId);
        await WaitForAsync(() => smtp.Messages.Count >= 10, first, second, "the first invitations");
        var holderPid = await LeaseHolderPidAsync();
        Assert.True(holderPid == first.Id || holderPid == second.Id, $"lease held by {holderPid}, not by {first.Id} or {second.Id}");
        var (holder, other) = holderPid == first.Id ? (first, second) : (second, first);

        // The instance that sends is stopped (SIGTERM) in the middle of its batch; the other one takes over.
        await holder.StopAsync();
        var sentByFirstHolder = smtp.Messages.Count;
        await WaitForAsync(() => smtp.Messages.Count >= Participants, other, other, "the remaining invitations from the other instance");
        await Task.Delay(TimeSpan.FromSeconds(4)); // several more rounds: nothing more may go out

        Assert.InRange(sentByFirstHolder, 10, Participants - 1);
        Assert.Equal(Participants, smtp.Messages.Count);
        foreach (var address in addresses)
        {
            Assert.Single(smtp.To(address));
        }

        Assert.Equal(Participants, smtp.Messages.Select(m => LinkToken(m.TextBody)).Distinct().Count());
        await using var db = DatabaseRegistration.CreateContext(DatabaseProvider.Postgres, connectionString);
        var outbox = await db.Set<OutboxMessage>().AsNoTracking().ToListAsync();
        Assert.Equal(Participants, outbox.Count);
        Assert.All(outbox, m => Assert.Equal((OutboxKind.Invitation, OutboxStatus.Sent, 1), (m.Kind, m.Status, m.Attempts)));
        Assert.Equal(Participants, await db.Set<SurveyWave>().CountAsync(w => w.InvitedAtUtc != null));
        Assert.Equal(Participants, await db.Set<SurveyLinkToken>().CountAsync());
        Assert.Equal(other.Id, await LeaseHolderPidAsync());
    }

    public async Task InitializeAsync()
    {
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>The link's token: every invitation carries its own.</summary>
    private static string LinkToken(string? body)
    {
        var at = (body ?? "").IndexOf(SurveyAnswerModel.PathPrefix, StringComparison.Ordinal);
        Assert.True(at >= 0, "no answer link in: " + body);
        return body![(at + SurveyAnswerModel.PathPrefix.Length)..][..Core.Surveys.SurveyTokens.Length];
    }

    private static async Task WaitForAsync(Func<bool> done, AppProcess a, AppProcess b, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"waited 90 s for {what}.\n--- app {a.Id}:\n{a.Log}\n--- app {b.Id}:\n{b.Log}");
            await Task.Delay(100);
        }
    }

    /// <summary>The process id in the lease's holder id (<c>machine/pid/random</c>); 0 when nobody holds it.</summary>
    private async Task<int> LeaseHolderPidAsync()
    {
        await using var db = DatabaseRegistration.CreateContext(DatabaseProvider.Postgres, connectionString);
        var holder = await db.Set<JobLease>().AsNoTracking().Where(l => l.Name == SurveySender.LeaseName).Select(l => l.HolderId).SingleOrDefaultAsync() ?? "";
        var parts = holder.Split('/');
        return parts.Length == 3 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Migrates the database and adds a team, a job specialist and a study over the team with its protocol and letter.</summary>
    private async Task<(int StudyId, string UserId)> SeedStudyAsync()
    {
        await using var db = DatabaseRegistration.CreateContext(DatabaseProvider.Postgres, connectionString);
        await db.Database.MigrateAsync();
        var team = new Team { Name = "Team To instanser" };
        db.Teams.Add(team);
        var role = new IdentityRole(Roles.Jobbspesialist) { NormalizedName = Roles.Jobbspesialist.ToUpperInvariant() };
        db.Roles.Add(role);
        var user = new TrinnUser { UserName = "js-to", NormalizedUserName = "JS-TO", DisplayName = "Jobbspesialist To", SecurityStamp = Guid.NewGuid().ToString(), Team = team };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        await db.SaveChangesAsync();
        var study = Study.Create("Studie med to instanser", wholeOrganisation: false, [team.Id], user.Id, DateTime.UtcNow);
        db.Add(study);
        await db.SaveChangesAsync();
        db.Add(StudyProtocol.CreateDefault(study.Id));
        db.Add(InformationLetter.Create(study.Id, null, "Informasjonsskriv", user.Id, DateTime.UtcNow));
        await db.SaveChangesAsync();
        return (study.Id, user.Id);
    }

    /// <summary>
    /// <see cref="Participants"/> candidates with an e-mail address and research consent, each with study consent from
    /// today: four waves each, the first due now, the other three months away.
    /// </summary>
    private async Task<List<string>> RegisterConsentsAsync(int studyId, string userId)
    {
        await using var db = DatabaseRegistration.CreateContext(DatabaseProvider.Postgres, connectionString);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var study = await db.Set<Study>().Include(s => s.Teams).SingleAsync(s => s.Id == studyId);
        var protocol = await db.Set<StudyProtocol>().SingleAsync(p => p.StudyId == studyId);
        var teamId = study.Teams.Single().TeamId;
        var addresses = new List<string>();
        var candidates = new List<Candidate>();
        for (var i = 0; i < Participants; i++)
        {
            var email = $"deltaker{i.ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid():N}@example.no";
            var candidate = new Candidate
            {
                TeamId = teamId,
                FirstName = "Deltaker",
                LastName = "Nummer" + i.ToString(CultureInfo.InvariantCulture),
                NationalId = TestData.SyntheticNationalId(),
                Email = email,
                PrimarySpecialistId = userId,
                CreatedAtUtc = now,
                Referral = new Referral
                {
                    ReferredById = userId,
                    ReferredOn = today.AddDays(-40),
                    Innsatsgruppe = Innsatsgruppe.Situasjonsbestemt,
                    Reason = "Ønsker arbeid.",
                    RegisteredById = userId,
                    RegisteredAtUtc = now,
                },
                Agreement = new CooperationAgreement { SignedOn = today.AddDays(-30), Agreed = "Avtale", ConsentResearch = true },
            };
            candidate.Start(today.AddDays(-40), userId, now);
            candidates.Add(candidate);
            addresses.Add(email);
        }

        db.Candidates.AddRange(candidates);
        await db.SaveChangesAsync();
        foreach (var candidate in candidates)
        {
            await StudyConsent.RegisterAsync(db, study, protocol, candidate.Id, today, today, 1, userId, today, now);
        }

        // One save for all consents and waves: both senders find the 30 due invitations in the same round.
        await db.SaveChangesAsync();
        Assert.Equal(Participants * 4, await db.Set<SurveyWave>().CountAsync());
        return addresses;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
