using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Core.Teams;

namespace Trinn.Cli.Tests.Backup;

/// <summary>
/// Write load as the app makes it: one candidate with referral, stage history and a journal note per save, each save
/// through <see cref="TrinnDbContext"/> (so the audit chain grows too), until stopped. A candidate id is acknowledged
/// only after its save committed.
/// </summary>
internal sealed class CandidateWriter : IAsyncDisposable
{
    private readonly Func<TrinnDbContext> _open;
    private readonly int _teamId;
    private readonly string _userId;
    private readonly List<int> _acknowledged = [];
    private readonly Task _loop;
    private volatile bool _stopping;

    private CandidateWriter(Func<TrinnDbContext> open, int teamId, string userId)
    {
        _open = open;
        _teamId = teamId;
        _userId = userId;
        _loop = Task.Run(LoopAsync);
    }

    public int Count
    {
        get
        {
            lock (_acknowledged)
            {
                return _acknowledged.Count;
            }
        }
    }

    /// <summary>Migrates the database, adds a team and a user, and starts writing.</summary>
    public static async Task<CandidateWriter> StartAsync(Func<TrinnDbContext> open)
    {
        await using var db = open();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // As the app runs it: readers (the backup) never block the writer.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var team = new Team { Name = "Team 1" };
        var user = new TrinnUser { UserName = "js1", NormalizedUserName = "JS1", DisplayName = "Jobbspesialist 1", Team = team, Fte = 1m };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return new CandidateWriter(open, team.Id, user.Id);
    }

    public int[] Acknowledged()
    {
        lock (_acknowledged)
        {
            return [.. _acknowledged];
        }
    }

    public async Task WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Count < count)
        {
            Assert.False(_loop.IsCompleted, "the writer stopped: " + _loop.Exception?.GetBaseException().Message);
            Assert.True(DateTime.UtcNow < deadline, $"the writer saved only {Count} candidates in 30 s");
            await Task.Delay(10);
        }
    }

    /// <summary>Stops writing after the save in flight; rethrows anything the writer hit.</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
        {
            // Reported by StopAsync in the test; disposing after a failed test must not hide the first failure.
        }
    }

    private async Task LoopAsync()
    {
        var n = 0;
        while (!_stopping)
        {
            n++;
            var now = DateTime.UtcNow;
            var today = DateOnly.FromDateTime(now);
            var candidate = new Candidate
            {
                TeamId = _teamId,
                FirstName = "Fornavn" + n.ToString(CultureInfo.InvariantCulture),
                LastName = "Etternavn",
                NationalId = n.ToString("D11", CultureInfo.InvariantCulture),
                Phone = "40000000",
                PrimarySpecialistId = _userId,
                CreatedAtUtc = now,
                Referral = new Referral
                {
                    ReferredById = _userId,
                    ReferredOn = today.AddDays(-10),
                    Innsatsgruppe = Innsatsgruppe.Situasjonsbestemt,
                    Reason = "Ønsker arbeid – «æøå» " + n.ToString(CultureInfo.InvariantCulture),
                    RegisteredById = _userId,
                    RegisteredAtUtc = now,
                },
            };
            candidate.Start(today.AddDays(-10), _userId, now);
            candidate.MoveToStage(2, today.AddDays(-5), "Samarbeidsavtale signert", _userId, today, now);
            candidate.JournalNotes.Add(new JournalNote
            {
                AuthorId = _userId,
                Date = today,
                Kind = JournalKind.Meeting,
                Place = WorkPlace.OutOfOffice,
                DurationMinutes = 45,
                Text = "Samtale om jobbønsker nr. " + n.ToString(CultureInfo.InvariantCulture),
                CreatedAtUtc = now,
            });
            await using var db = _open();
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync();
            lock (_acknowledged)
            {
                _acknowledged.Add(candidate.Id);
            }
        }
    }
}
