package io.vpbx.model.groups;

/**
 * «Алгоритм распределения вызовов» of a call group (spec C §1.1, BR-C1/BR-C2). The ACD algorithms
 * (random, longest idle, least occupied operator) need the queue engine and the «Виртуальный
 * контакт-центр» service, and are added with them.
 */
public enum DistributionAlgorithm {
    /**
     * «Не задан»: the group takes no calls yet. Without group voicemail (a later feature) the
     * caller hears «абонент недоступен» and gets 480.
     */
    NOT_SET,
    /**
     * «Всем пользователям одновременно»: every registered phone of every member rings at once; the
     * first to answer talks and the others are cancelled.
     */
    ALL_SIMULTANEOUS
}
