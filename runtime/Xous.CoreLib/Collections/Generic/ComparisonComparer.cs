namespace System.Collections.Generic;

/// <summary>The comparer returned by <see cref="Comparer{T}.Create(Comparison{T})"/>.</summary>
internal sealed class ComparisonComparer<T> : Comparer<T>
{
    private readonly Comparison<T> _comparison;

    public ComparisonComparer(Comparison<T> comparison)
    {
        _comparison = comparison;
    }

    public override int Compare(T? x, T? y) => _comparison(x!, y!);
}
