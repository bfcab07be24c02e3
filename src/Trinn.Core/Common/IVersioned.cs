namespace Trinn.Core.Common;

/// <summary>
/// An entity edited by people through forms. <see cref="Version"/> is an optimistic concurrency token that
/// <see cref="Data.TrinnDbContext"/> increments on every save, so a stale form can never overwrite newer data.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
