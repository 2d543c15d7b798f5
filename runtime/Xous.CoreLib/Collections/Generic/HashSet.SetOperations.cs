namespace System.Collections.Generic;

/// <content>
/// The <see cref="ISet{T}"/> operations. Equality is this set's comparer throughout. The special cases (empty sets,
/// <c>other == this</c>, another set with an equal comparer) and the order in which elements are removed and added are
/// .NET's, because they decide which slots are freed and reused and hence the later enumeration order.
/// </content>
public partial class HashSet<T>
{
    /// <summary>Modifies the set to contain all elements that are present in itself, <paramref name="other"/>, or both.</summary>
    /// <param name="other">The collection to compare to the current set.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public void UnionWith(IEnumerable<T> other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        foreach (T item in other)
        {
            AddIfNotPresent(item, out _);
        }
    }

    /// <summary>Modifies the set to contain only elements that are present in itself and in <paramref name="other"/>.</summary>
    /// <param name="other">The collection to compare to the current set.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public void IntersectWith(IEnumerable<T> other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        // Intersection of anything with the empty set is the empty set; intersection with itself is the same set.
        if (Count == 0 || other == this)
        {
            return;
        }

        if (other is ICollection<T> otherAsCollection)
        {
            if (otherAsCollection.Count == 0)
            {
                Clear();
                return;
            }

            // Faster if other is a hash set using the same equality comparer: it can answer Contains.
            if (other is HashSet<T> otherAsSet && EqualityComparersAreEqual(this, otherAsSet))
            {
                Entry[] entries = _entries!;
                for (int i = 0; i < _count; i++)
                {
                    ref Entry entry = ref entries[i];
                    if (entry.Next >= -1)
                    {
                        T item = entry.Value;
                        if (!otherAsSet.Contains(item))
                        {
                            Remove(item);
                        }
                    }
                }

                return;
            }
        }

        IntersectWithEnumerable(other);
    }

    /// <summary>Removes all elements in <paramref name="other"/> from the set.</summary>
    /// <param name="other">The collection of items to remove.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public void ExceptWith(IEnumerable<T> other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        if (Count == 0)
        {
            return;
        }

        if (other == this)
        {
            Clear();
            return;
        }

        foreach (T element in other)
        {
            Remove(element);
        }
    }

    /// <summary>Modifies the set to contain only elements that are present either in itself or in <paramref name="other"/>, but not both.</summary>
    /// <param name="other">The collection to compare to the current set.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public void SymmetricExceptWith(IEnumerable<T> other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        if (Count == 0)
        {
            UnionWith(other);
            return;
        }

        if (other == this)
        {
            Clear();
            return;
        }

        if (other is HashSet<T> otherAsSet && EqualityComparersAreEqual(this, otherAsSet))
        {
            // Each element of other is unique: remove it if present, add it otherwise.
            foreach (T item in otherAsSet)
            {
                if (!Remove(item))
                {
                    AddIfNotPresent(item, out _);
                }
            }
        }
        else
        {
            SymmetricExceptWithEnumerable(other);
        }
    }

    /// <summary>Determines whether the set is a subset of <paramref name="other"/>.</summary>
    /// <param name="other">The collection to compare to the current set.</param>
    /// <returns><see langword="true"/> if every element of the set is in <paramref name="other"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public bool IsSubsetOf(IEnumerable<T> other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        // The empty set is a subset of any set, and a set is a subset of itself.
        if (Count == 0 || other == this)
        {
            return true;
        }

        if (other is HashSet<T> otherAsSet && EqualityComparersAreEqual(this, otherAsSet))
        {
            // If this has more elements then it can't be a subset.
            return Count <= otherAsSet.Count && IsSubsetOfHashSetWithSameComparer(otherAsSet);
        }

        CheckUniqueAndUnfoundElements(other, returnIfUnfound: false, out int uniqueCount, out int unfoundCount);
        return uniqueCount == Count && unfoundCount >= 0;
    }

    /// <summary>Determines whether the set is a proper (strict) subset of <paramref name="other"/>.</summary>
    /// <param name="other">The collection to compare to the current set.</param>
    /// <returns><see langword="true"/> if the set is a subset of <paramref name="other"/> and <paramref name="other"/> has more elements.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public bool IsProperSubsetOf(IEnumerable<T> other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        // No set is a proper subset of itself.
        if (other == this)
        {
            return false;
        }

        if (other is ICollection<T> otherAsCollection)
        {
            // No set is a proper subset of an empty set.
            if (otherAsCollection.Count == 0)
            {
                return false;
            }

            // The empty set is a proper subset of anything but the empty set.
            if (Count == 0)
            {
                return otherAsCollection.Count > 0;
            }

            if (other is HashSet<T> otherAsSet && EqualityComparersAreEqual(this, otherAsSet))
            {
                // This has to have at least one less element to be a proper subset.
                return Count < otherAsSet.Count && IsSubsetOfHashSetWithSameComparer(otherAsSet);
            }
        }

        CheckUniqueAndUnfoundElements(other, returnIfUnfound: false, out int uniqueCount, out int unfoundCount);
        return uniqueCount == Count && unfoundCount > 0;
    }

    /// <summary>Determines whether the set is a superset of <paramref name="other"/>.</summary>
    /// <param name="other">The collection to compare to the current set.</param>
    /// <returns><see langword="true"/> if every element of <paramref name="other"/> is in the set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public bool IsSupersetOf(IEnumerable<T> other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        // A set is always a superset of itself.
        if (other == this)
        {
            return true;
        }

        if (other is ICollection<T> otherAsCollection)
        {
            // If other is the empty set then this is a superset.
            if (otherAsCollection.Count == 0)
            {
                return true;
            }

            // Try to compare based on counts alone if other is a hash set with the same equality comparer.
            if (other is HashSet<T> otherAsSet && EqualityComparersAreEqual(this, otherAsSet) && otherAsSet.Count > Count)
            {
                return false;
            }
        }

        return ContainsAllElements(other);
    }

    /// <summary>Determines whether the set is a proper (strict) superset of <paramref name="other"/>.</summary>
    /// <param name="other">The collection to compare to the current set.</param>
    /// <returns><see langword="true"/> if the set is a superset of <paramref name="other"/> and has more elements.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public bool IsProperSupersetOf(IEnumerable<T> other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        // The empty set isn't a proper superset of any set, and a set is never a strict superset of itself.
        if (Count == 0 || other == this)
        {
            return false;
        }

        if (other is ICollection<T> otherAsCollection)
        {
            // If other is the empty set then this is a proper superset (this is not empty here).
            if (otherAsCollection.Count == 0)
            {
                return true;
            }

            if (other is HashSet<T> otherAsSet && EqualityComparersAreEqual(this, otherAsSet))
            {
                return otherAsSet.Count < Count && ContainsAllElements(otherAsSet);
            }
        }

        CheckUniqueAndUnfoundElements(other, returnIfUnfound: true, out int uniqueCount, out int unfoundCount);
        return uniqueCount < Count && unfoundCount == 0;
    }

    /// <summary>Determines whether the set and <paramref name="other"/> share at least one element.</summary>
    /// <param name="other">The collection to compare to the current set.</param>
    /// <returns><see langword="true"/> if they share an element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public bool Overlaps(IEnumerable<T> other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        if (Count == 0)
        {
            return false;
        }

        // Set overlaps itself.
        if (other == this)
        {
            return true;
        }

        foreach (T element in other)
        {
            if (Contains(element))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Determines whether the set and <paramref name="other"/> contain the same elements (ignoring duplicates and order).</summary>
    /// <param name="other">The collection to compare to the current set.</param>
    /// <returns><see langword="true"/> if the set is equal to <paramref name="other"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public bool SetEquals(IEnumerable<T> other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        // A set is equal to itself.
        if (other == this)
        {
            return true;
        }

        if (other is HashSet<T> otherAsSet && EqualityComparersAreEqual(this, otherAsSet))
        {
            // Attempt to return early: since both contain unique elements, different counts mean not equal.
            return Count == otherAsSet.Count && ContainsAllElements(otherAsSet);
        }

        // If this count is 0 but other contains at least one element, they can't be equal.
        if (Count == 0 && other is ICollection<T> otherAsCollection && otherAsCollection.Count > 0)
        {
            return false;
        }

        CheckUniqueAndUnfoundElements(other, returnIfUnfound: true, out int uniqueCount, out int unfoundCount);
        return uniqueCount == Count && unfoundCount == 0;
    }

    private bool ContainsAllElements(IEnumerable<T> other)
    {
        foreach (T element in other)
        {
            if (!Contains(element))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsSubsetOfHashSetWithSameComparer(HashSet<T> other)
    {
        foreach (T item in this)
        {
            if (!other.Contains(item))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Marks the entries found in <paramref name="other"/>, then removes the unmarked ones in index order.</summary>
    private void IntersectWithEnumerable(IEnumerable<T> other)
    {
        int originalCount = _count;
        int intArrayLength = BitHelper.ToIntArrayLength(originalCount);
        Span<int> span = stackalloc int[StackAllocThreshold];
        BitHelper bitHelper = intArrayLength <= StackAllocThreshold
            ? new BitHelper(span.Slice(0, intArrayLength), clear: true)
            : new BitHelper(new int[intArrayLength], clear: false);

        foreach (T item in other)
        {
            int location = FindItemIndex(item);
            if (location >= 0)
            {
                bitHelper.MarkBit(location);
            }
        }

        for (int i = 0; i < originalCount; i++)
        {
            ref Entry entry = ref _entries![i];
            if (entry.Next >= -1 && !bitHelper.IsMarked(i))
            {
                Remove(entry.Value);
            }
        }
    }

    /// <summary>
    /// Adds the elements of <paramref name="other"/> that are missing and marks for removal those that were already
    /// present (unless added from <paramref name="other"/> itself), then removes the marked ones in index order.
    /// </summary>
    private void SymmetricExceptWithEnumerable(IEnumerable<T> other)
    {
        int originalCount = _count;
        int intArrayLength = BitHelper.ToIntArrayLength(originalCount);

        Span<int> itemsToRemoveSpan = stackalloc int[StackAllocThreshold / 2];
        BitHelper itemsToRemove = intArrayLength <= StackAllocThreshold / 2
            ? new BitHelper(itemsToRemoveSpan.Slice(0, intArrayLength), clear: true)
            : new BitHelper(new int[intArrayLength], clear: false);

        Span<int> itemsAddedFromOtherSpan = stackalloc int[StackAllocThreshold / 2];
        BitHelper itemsAddedFromOther = intArrayLength <= StackAllocThreshold / 2
            ? new BitHelper(itemsAddedFromOtherSpan.Slice(0, intArrayLength), clear: true)
            : new BitHelper(new int[intArrayLength], clear: false);

        foreach (T item in other)
        {
            if (AddIfNotPresent(item, out int location))
            {
                // It was not present: flag it as something not to remove. A location past the original entries is
                // ignored by the bitmap, as it should be (such an entry cannot have been in the original set).
                itemsAddedFromOther.MarkBit(location);
            }
            else if (location < originalCount && !itemsAddedFromOther.IsMarked(location))
            {
                // Already there, and not added from other: remove it.
                itemsToRemove.MarkBit(location);
            }
        }

        for (int i = 0; i < originalCount; i++)
        {
            if (itemsToRemove.IsMarked(i))
            {
                Remove(_entries![i].Value);
            }
        }
    }

    /// <summary>
    /// Counts the distinct elements of the set found in <paramref name="other"/> and the elements of
    /// <paramref name="other"/> not in the set (stopping at the first one if <paramref name="returnIfUnfound"/>).
    /// </summary>
    private void CheckUniqueAndUnfoundElements(IEnumerable<T> other, bool returnIfUnfound, out int uniqueCount, out int unfoundCount)
    {
        // Need special case in case this has no elements.
        if (_count == 0)
        {
            int numElementsInOther = 0;
            foreach (T item in other)
            {
                numElementsInOther++;
                break; // break right away, all we want to know is whether other has 0 or 1 elements
            }

            uniqueCount = 0;
            unfoundCount = numElementsInOther;
            return;
        }

        int originalCount = _count;
        int intArrayLength = BitHelper.ToIntArrayLength(originalCount);
        Span<int> span = stackalloc int[StackAllocThreshold];
        BitHelper bitHelper = intArrayLength <= StackAllocThreshold
            ? new BitHelper(span.Slice(0, intArrayLength), clear: true)
            : new BitHelper(new int[intArrayLength], clear: false);

        unfoundCount = 0;
        uniqueCount = 0;
        foreach (T item in other)
        {
            int location = FindItemIndex(item);
            if (location >= 0)
            {
                if (!bitHelper.IsMarked(location))
                {
                    // Item hasn't been seen yet.
                    bitHelper.MarkBit(location);
                    uniqueCount++;
                }
            }
            else
            {
                unfoundCount++;
                if (returnIfUnfound)
                {
                    break;
                }
            }
        }
    }
}
