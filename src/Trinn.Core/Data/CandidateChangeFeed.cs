using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Trinn.Core.Audit;

namespace Trinn.Core.Data;

/// <summary>
/// Tells this process which candidates a committed transaction changed, the moment the commit returns and before the
/// save that made it returns to its caller. Every change saved through Trinn is audited, and the audit chain notes the
/// candidates of each change on the context (<see cref="TrinnDbContext.UncommittedCandidateChanges"/>); the feed's
/// interceptor passes them on when that context's transaction commits, and drops them when it rolls back or fails.
/// Other processes (other app instances, the CLI) learn of the same changes from the PostgreSQL notification on
/// <see cref="CandidateChanges.Channel"/>, which arrives shortly after the commit.
/// </summary>
public sealed class CandidateChangeFeed
{
    public CandidateChangeFeed()
    {
        Interceptor = new CommitInterceptor(this);
    }

    /// <summary>The candidates of a committed change.</summary>
    public event Action<IReadOnlyCollection<int>>? Committed;

    /// <summary>Added to the app's context options (<see cref="DatabaseRegistration.AddTrinnData"/>).</summary>
    public IInterceptor Interceptor { get; }

    private void Publish(TrinnDbContext db)
    {
        if (db.UncommittedCandidateChanges.Count == 0)
        {
            return;
        }

        int[] ids = [.. db.UncommittedCandidateChanges];
        db.UncommittedCandidateChanges.Clear();
        Committed?.Invoke(ids);
    }

    private sealed class CommitInterceptor(CandidateChangeFeed feed) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            if (eventData.Context is TrinnDbContext db)
            {
                feed.Publish(db);
            }
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            TransactionCommitted(transaction, eventData);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Forget(eventData);
            return Task.CompletedTask;
        }

        public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData);

        public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Forget(eventData);
            return Task.CompletedTask;
        }

        private static void Forget(DbContextEventData eventData)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            if (eventData.Context is TrinnDbContext db)
            {
                db.UncommittedCandidateChanges.Clear();
            }
        }
    }
}
