using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Trinn.Core.Audit;
using Trinn.Core.Candidates;
using Trinn.Core.Identity;

namespace Trinn.Cli.Seed;

/// <summary>
/// A year of the audit trail as the app writes it: page views that record one read per candidate shown (Min portefølje,
/// the team list), single reads (candidate page, journal, API), changes with their field values, the odd refused
/// access. The entries form one valid hash chain (<see cref="AuditChain"/>) and the head points at its end, so
/// <c>trinn audit verify</c> passes and the app appends after it.
/// </summary>
internal sealed class AuditGenerator : ISeedGenerator
{
    private static readonly string[] SingleReads = [AuditEntities.DetailsPage, AuditEntities.DetailsPage, AuditEntities.DetailsPage, AuditEntities.JournalPage, AuditEntities.CandidateApi, AuditEntities.ProfilePage, AuditEntities.PlacementsPage];

    private static readonly string[] NextActions = ["Ringe arbeidsgiver", "Møte på arbeidsplassen", "Oppdatere yrkesprofil", "Følge opp søknad"];

    public IReadOnlyList<Type> Tables { get; } = [typeof(AuditEntry)];

    public async Task RunAsync(SeedContext context, BulkWriter writer, CancellationToken ct)
    {
        var random = context.RandomFor("audit");
        var total = context.Scale.AuditEntries;

        // Who sees whom: each specialist's own and backup candidates in follow-up today, and each team's candidates.
        var portfolios = new Dictionary<SeedUser, List<int>>();
        foreach (var c in context.Candidates.Where(c => c.DischargedOn is null))
        {
            foreach (var u in new[] { c.Primary, c.Backup }.OfType<SeedUser>())
            {
                if (!portfolios.TryGetValue(u, out var list))
                {
                    portfolios[u] = list = [];
                }

                list.Add(c.Id);
            }
        }

        var teamAll = context.Teams.Select(t => t.Candidates.Select(i => context.Candidates[i].Id).ToList()).ToList();
        var teamActive = context.Teams.Select(t => t.Candidates.Select(i => context.Candidates[i]).Where(c => c.DischargedOn is null).Select(c => c.Id).ToList()).ToList();
        var specialists = context.Teams.Select(t => t.Specialists.Where(s => portfolios.ContainsKey(s)).ToList()).ToList();
        var chain = new ChainEnd();

        // Two threads: one makes and hashes the entries (the chain is sequential), the other writes them.
        var batches = Channel.CreateBounded<List<object?[]>>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    var batch = new List<object?[]>(BatchSize);
                    foreach (var row in Rows(context, random, total, portfolios, teamAll, teamActive, specialists, chain))
                    {
                        batch.Add(row);
                        if (batch.Count == BatchSize)
                        {
                            await batches.Writer.WriteAsync(batch, ct);
                            batch = new List<object?[]>(BatchSize);
                        }
                    }

                    await batches.Writer.WriteAsync(batch, ct);
                    batches.Writer.Complete();
                }
                catch (Exception ex)
                {
                    batches.Writer.Complete(ex);
                }
            },
            ct);

        await using (var entries = writer.Table<AuditEntry>(
            nameof(AuditEntry.Id), nameof(AuditEntry.Sequence), nameof(AuditEntry.AtUtc), nameof(AuditEntry.UserId), nameof(AuditEntry.Role),
            nameof(AuditEntry.Action), nameof(AuditEntry.EntityType), nameof(AuditEntry.EntityId), nameof(AuditEntry.CandidateId),
            nameof(AuditEntry.Changes), nameof(AuditEntry.ChangesDigest), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash)))
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                foreach (var row in batch)
                {
                    entries.Add(row);
                    if (entries.Count % 1_000_000 == 0)
                    {
                        context.Progress(string.Create(CultureInfo.InvariantCulture, $"audit: {entries.Count:N0} of {total:N0} entries"));
                    }
                }
            }
        }

        await producer;
        var sequence = chain.Sequence;
        await writer.DeleteAllAsync<AuditHead>(ct);
        // The generated history is all changes: caches of computed figures start from its last entry.
        await using (var head = writer.Table<AuditHead>(
            nameof(AuditHead.Id), nameof(AuditHead.LastSequence), nameof(AuditHead.LastHash), nameof(AuditHead.LastChangeSequence)))
        {
            head.Add(AuditHead.SingletonId, sequence, chain.Hash, sequence);
        }

        context.Progress(string.Create(CultureInfo.InvariantCulture, $"audit: {sequence:N0} entries, chain head #{sequence}"));
    }

    private const int BatchSize = 4096;

    /// <summary>The entries in chain order, each row in the column order of the table; <paramref name="chain"/> ends at the last.</summary>
    private static IEnumerable<object?[]> Rows(
        SeedContext context, Random random, long total, Dictionary<SeedUser, List<int>> portfolios, List<List<int>> teamAll,
        List<List<int>> teamActive, List<List<SeedUser>> specialists, ChainEnd chain)
    {
        var end = context.Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var start = end.AddDays(-365);
        var spanTicks = (end - start).Ticks;
        var entry = new AuditEntry { EntityType = "", PreviousHash = AuditChain.GenesisHash, Hash = "" };
        var shown = new List<int>();
        long sequence = 0;
        while (sequence < total)
        {
            var team = random.Next(context.Teams.Count);
            if (specialists[team].Count == 0)
            {
                continue;
            }

            var supervisor = context.Teams[team].Supervisor;
            var bySupervisor = supervisor is not null && random.Next(20) == 0;
            var user = bySupervisor ? supervisor! : specialists[team][random.Next(specialists[team].Count)];
            var role = bySupervisor ? Roles.Metodeveileder : Roles.Jobbspesialist;

            // PostgreSQL keeps microseconds; the hash covers exactly what is stored.
            var at = start.AddTicks(spanTicks * sequence / total);
            at = new DateTime(at.Ticks - (at.Ticks % 10), DateTimeKind.Utc);
            var action = AuditAction.Read;
            string? changes = null;
            string entityType;
            shown.Clear();
            var kind = random.Next(100);
            if (kind < 10 && portfolios.TryGetValue(user, out var mine))
            {
                entityType = AuditEntities.PortfolioPage;
                shown.AddRange(mine);
            }
            else if (kind < 20)
            {
                entityType = AuditEntities.TeamPage;
                var active = teamActive[team];
                var page = random.Next(Math.Max(1, (active.Count + 24) / 25));
                shown.AddRange(active.Skip(page * 25).Take(25));
            }
            else if (kind < 92)
            {
                // Mostly candidates in follow-up; now and then an old one (a request for access, a returning candidate).
                var pool = random.Next(10) == 0 ? teamAll[team] : teamActive[team];
                if (pool.Count == 0)
                {
                    continue;
                }

                entityType = SingleReads[random.Next(SingleReads.Length)];
                shown.Add(pool[random.Next(pool.Count)]);
            }
            else if (kind < 99)
            {
                var active = teamActive[team];
                if (active.Count == 0)
                {
                    continue;
                }

                action = random.Next(2) == 0 ? AuditAction.Update : AuditAction.Create;
                entityType = action == AuditAction.Update ? nameof(Candidate) : nameof(JournalNote);
                shown.Add(active[random.Next(active.Count)]);
                changes = action == AuditAction.Update
                    ? JsonSerializer.Serialize(new Dictionary<string, string?[]> { ["NextAction"] = [NextActions[random.Next(NextActions.Length)], NextActions[random.Next(NextActions.Length)]] })
                    : JsonSerializer.Serialize(new Dictionary<string, object?[]> { ["Date"] = [null, DateOnly.FromDateTime(at).ToString("O", CultureInfo.InvariantCulture)], ["Text"] = [null, "Samtale om veien videre."] });
            }
            else
            {
                action = AuditAction.AccessDenied;
                entityType = nameof(Candidate);
                shown.Add(random.Next(1, context.Candidates.Count + 1));
            }

            var digest = AuditEntry.Digest(changes);
            foreach (var candidateId in shown)
            {
                if (sequence == total)
                {
                    break;
                }

                entry.Sequence = ++sequence;
                entry.AtUtc = at;
                entry.UserId = user.Id;
                entry.Role = role;
                entry.Action = action;
                entry.EntityType = entityType;
                entry.EntityId = action == AuditAction.Create ? sequence.ToString(CultureInfo.InvariantCulture) : candidateId.ToString(CultureInfo.InvariantCulture);
                entry.CandidateId = candidateId;
                entry.Changes = changes;
                entry.ChangesDigest = digest;
                var previous = entry.PreviousHash;
                entry.Hash = entry.ComputeHash();
                yield return [sequence, sequence, at, user.Id, role, action, entityType, entry.EntityId, candidateId, changes, digest, previous, entry.Hash];
                entry.PreviousHash = entry.Hash;
            }
        }

        chain.Sequence = sequence;
        chain.Hash = entry.PreviousHash;
    }

    private sealed class ChainEnd
    {
        public long Sequence { get; set; }

        public string Hash { get; set; } = AuditChain.GenesisHash;
    }
}
