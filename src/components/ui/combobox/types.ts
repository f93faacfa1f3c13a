// Option shape of the combobox (ui/combobox).

/** One choice in the list: its value, the words shown, and an optional second line (e.g. a code). */
export interface ComboboxOption {
	value: string;
	label: string;
	hint?: string;
}
