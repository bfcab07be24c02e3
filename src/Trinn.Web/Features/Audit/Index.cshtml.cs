using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Trinn.Core.Identity;
using Trinn.Core.NationalIds;

namespace Trinn.Web.Features.Audit;

/// <summary>Finds a candidate by national ID for a request for access (innsyn); metodeveileder: own team, admin: all.</summary>
public sealed class IndexModel(TrinnDbContext db, IOptions<NationalIdOptions> idOptions, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public AuditSearchInput Input { get; set; } = new();

    public IReadOnlyList<AuditMatch>? Matches { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var check = NationalIdNumber.Check(Input.NationalId, idOptions.Value.AllowSynthetic);
        if (ModelState.IsValid && !check.IsValid)
        {
            ModelState.AddModelError("Input.NationalId", t["NationalId_" + check.Error]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var hash = NationalIdProtector.Current.LookupHash(Input.NationalId!);
        var query = db.Candidates.AsNoTracking().Where(c => c.NationalIdHash == hash);
        if (!User.IsInRole(Roles.Admin))
        {
            var team = User.TeamId();
            query = query.Where(c => c.TeamId == team);
        }

        Matches = await query.OrderBy(c => c.Id)
            .Select(c => new AuditMatch(c.Id, c.Team!.Name, c.Referral!.ReferredOn))
            .ToListAsync();
        return Page();
    }
}

public sealed record AuditMatch(int Id, string Team, DateOnly ReferredOn);

public sealed class AuditSearchInput
{
    [Required(ErrorMessage = "Error_Required")]
    [StringLength(20, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_NationalId")]
    public string? NationalId { get; set; }
}
