using System.Globalization;
using Trinn.Core.Surveys;

namespace Trinn.Web.Features.Surveys;

/// <summary>
/// Admin's view of the outbox: what waits, what was sent, what failed (with the server's error), and a plain
/// "ikke sendt — ingen e-posttjener satt opp" while no mail server is configured. Failed messages can be sent again.
/// </summary>
public sealed class OutboxModel(TrinnDbContext db, TimeProvider time, IMailTransport transport) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public bool MailConfigured => transport.IsConfigured;

    public IReadOnlyList<OutboxRow> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.Empty;

    public async Task OnGetAsync()
    {
        var total = await db.Set<OutboxMessage>().CountAsync();
        Pager = new Pager(Math.Max(1, PageNumber), PageSize, total, Request.Query);
        // Addresses are personal data: admin sees only the domain part.
        Rows = (await db.Set<OutboxMessage>().AsNoTracking()
            .OrderByDescending(m => m.Id).Skip(Pager.Skip).Take(PageSize)
            .Select(m => new { m.Id, m.Kind, m.Sequence, m.ToAddress, m.Status, m.Attempts, m.CreatedAtUtc, m.NextAttemptAtUtc, m.SentAtUtc, m.LastError, WaveNumber = m.Wave!.Number })
            .ToListAsync())
            .Select(m => new OutboxRow(m.Id, m.Kind, m.Sequence, Domain(m.ToAddress), m.Status, m.Attempts, m.CreatedAtUtc, m.NextAttemptAtUtc, m.SentAtUtc, m.LastError, m.WaveNumber))
            .ToList();
    }

    public async Task<IActionResult> OnPostRetryAsync(int messageId)
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == messageId);
        if (message is null)
        {
            return NotFound();
        }

        message.Retry(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    private static string Domain(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? "…" : "…" + address[at..];
    }
}

public sealed record OutboxRow(
    int Id, OutboxKind Kind, int Sequence, string To, OutboxStatus Status, int Attempts, DateTime CreatedAtUtc, DateTime NextAttemptAtUtc,
    DateTime? SentAtUtc, string? LastError, int WaveNumber)
{
    public string Created => Trinn.Web.Infrastructure.NorwegianTime.Format(CreatedAtUtc);

    public string Number => Id.ToString(CultureInfo.InvariantCulture);
}
