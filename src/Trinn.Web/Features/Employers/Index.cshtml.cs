using Trinn.Core.Employers;

namespace Trinn.Web.Features.Employers;

/// <summary>The team's employer register, searchable by name or organisation number.</summary>
public sealed class IndexModel(TrinnDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<EmployerListItem> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = db.Set<Employer>().AsNoTracking().VisibleTo(User);
        if (TextInput.Blank(Q) is { } q)
        {
            var digits = q.Replace(" ", "", StringComparison.Ordinal);
            query = query.Where(e => e.Name.Contains(q) || e.OrganizationNumber == digits);
        }

        Rows = await query.OrderBy(e => e.Name).Take(500)
            .Select(e => new EmployerListItem(
                e.Id, e.Name, e.OrganizationNumber, e.Industry, e.Sector, e.IaAgreement,
                e.Contacts.Max(c => (DateOnly?)c.Date), e.Contacts.Count))
            .ToListAsync();
    }
}

public sealed record EmployerListItem(
    int Id, string Name, string OrganizationNumber, string? Industry, EmployerSector Sector, bool IaAgreement,
    DateOnly? LastContact, int ContactCount);
